import { scaleUtc } from 'd3-scale'
import { interpolate, piecewise } from 'd3-interpolate'
import { describe, expect, it } from 'vitest'

// vite.config.ts aliases d3-interpolate and d3-time-format to the element's stand-ins (components/no-tweens.ts,
// no-time-formats.ts). In the browser, as the element runs: Node's d3-scale imports the packages themselves.

describe('the stand-ins for d3-interpolate and d3-time-format', () => {
  it('let a UTC scale map dates to pixels, round them, and invert them, as d3 does', () => {
    const x = scaleUtc().domain([new Date(Date.UTC(2016, 8, 1)), new Date(Date.UTC(2016, 8, 11))]).range([0, 1000])
    expect(x(new Date(Date.UTC(2016, 8, 2, 12)))).toBe(150)
    expect(x.invert(150).toISOString()).toBe('2016-09-02T12:00:00.000Z')
    expect(x.copy().rangeRound([0, 3])(new Date(Date.UTC(2016, 8, 5)))).toBe(1)
    // More than two stops: a piece between each two.
    const bent = x.copy().domain([Date.UTC(2016, 8, 1), Date.UTC(2016, 8, 2), Date.UTC(2016, 8, 11)]).range([0, 500, 1000])
    expect(bent(new Date(Date.UTC(2016, 8, 1, 12)))).toBe(250)
    expect(piecewise([0, 10, 30])(0.75)).toBe(20)
  })

  it('interpolate numbers, dates and constants, and refuse anything else rather than misread it', () => {
    expect(interpolate(0, 10)(0.25)).toBe(2.5)
    expect((interpolate(new Date(0), new Date(1000))(0.5) as Date).getTime()).toBe(500)
    expect(interpolate(1, null)(0.5)).toBeNull()
    expect(() => interpolate('red', 'blue')).toThrow(TypeError)
  })

  it('give a time scale a tick format that fails when used: the element writes dates with Intl', () => {
    const format = scaleUtc().tickFormat()
    expect(() => format(new Date(0))).toThrow(/Intl/)
  })
})
