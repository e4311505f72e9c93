import { describe, expect, it } from 'vitest'
import { defaultLocale, directionOf, usableLocale } from '../../src/dates/locale.ts'

describe('locales', () => {
  it('keeps a language tag, and falls back to the default with a warning that names one that is not', () => {
    const warnings: string[] = []
    expect(usableLocale('ar-EG', (w) => warnings.push(w))).toBe('ar-EG')
    expect(usableLocale(undefined)).toBe(defaultLocale)
    expect(usableLocale('not a locale!', (w) => warnings.push(w))).toBe(defaultLocale)
    expect(warnings).toEqual([expect.stringContaining('"not a locale!"')])
  })

  it('tells the writing direction of a locale by its likely script', () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'dv', 'az-Arab']) expect([tag, directionOf(tag)]).toEqual([tag, 'rtl'])
    for (const tag of ['en-GB', 'fr', 'ru', 'es', 'az', 'zh-Hant', 'ja']) expect([tag, directionOf(tag)]).toEqual([tag, 'ltr'])
    expect(directionOf('not a locale!')).toBe('ltr')
  })
})
