import { describe, expect, it } from 'vitest'
import { minSpacing, timeAxis } from '../../src/timeline/axis.ts'

const day = 86_400_000
const at = (iso: string) => Date.parse(`${iso}Z`)

describe('the time axis in two rows', () => {
  it('ticks at the finest unit whose labels do not crowd, in UTC whatever the zone', () => {
    const { minor, major } = timeAxis(at('2016-09-10T00:00:00'), at('2016-09-26T00:00:00'), 1000, 'en-GB')
    expect(minor.map((t) => t.label)).toEqual(['Sat 10', 'Sun 11', 'Mon 12', 'Tue 13', 'Wed 14', 'Thu 15', 'Fri 16', 'Sat 17', 'Sun 18', 'Mon 19', 'Tue 20', 'Wed 21', 'Thu 22', 'Fri 23', 'Sat 24', 'Sun 25'])
    for (const t of minor) expect(t.ms % day).toBe(0)
    expect(major).toEqual([{ ms: at('2016-09-01T00:00:00'), label: 'September 2016' }])
  })

  it('keeps ticks at least minSpacing px apart at every zoom, from minutes to hundreds of millennia', () => {
    for (const span of [10 * 60_000, 6 * 3_600_000, day, 30 * day, 365 * day, 40 * 365 * day, 2_000 * 365 * day, 400_000 * 365 * day]) {
      const t0 = at('2016-09-19T00:00:00') - span / 2
      const { minor } = timeAxis(t0, t0 + span, 800, 'en-GB')
      expect(minor.length, `span ${span}`).toBeGreaterThan(0)
      for (let i = 1; i < minor.length; i++) expect(((minor[i]!.ms - minor[i - 1]!.ms) / span) * 800).toBeGreaterThanOrEqual(minSpacing * 0.9)
    }
  })

  it('names the enclosing period in the locale asked for, the first one from before the window', () => {
    const { minor, major } = timeAxis(at('2016-09-19T06:00:00'), at('2016-09-20T18:00:00'), 900, 'fr')
    expect(minor[0]!.label).toBe('06:00')
    expect(major.map((p) => p.label)).toEqual(['lun. 19 septembre 2016', 'mar. 20 septembre 2016'])
    expect(timeAxis(at('2016-01-01T00:00:00'), at('2016-12-31T00:00:00'), 900, 'ar-EG').major.map((p) => p.label)).toEqual(['٢٠١٦'])
  })
})
