import { describe, expect, it } from 'vitest'
import { LegendKey } from '../../src/timeline/legend.ts'
import { catalogues } from '../../src/i18n/catalogues.ts'

describe('the legend\'s words', () => {
  it('are in every catalogue for every entry a legend can show', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const missing = Object.values(LegendKey).filter((key) => !(`legend.${key}` in catalogue))
      expect(missing, language).toEqual([])
    }
  })
})
