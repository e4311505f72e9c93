import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DensityCache } from '../../src/timeline/density.ts'
import { densityShades, drawFrame, shadeOpacity, type Canvas2D, type CanvasColors } from '../../src/timeline/draw-canvas.ts'
import { plotFrame, type DensityLane, type FrameOptions, type PlotFrame } from '../../src/timeline/frame.ts'
import { eventTable, Flag, laneIndex } from '../../src/timeline/table.ts'
import type { TimelineEvent } from '../../src/timeline/events.ts'
import { day, elementOptions, eventsArb, inTimeOrder, item, origin } from '../fixtures/events.ts'

type Shape = ['rect', number, number, number, number] | ['arc', number, number, number, number, number]

/** One fill or stroke: the style and opacity it was made with, and the shapes of its path. */
interface Paint {
  op: 'fill' | 'stroke'
  style: string
  alpha: number
  lineWidth: number
  shapes: Shape[]
}

/** A 2D context that records every call and property set, and the paints they make. */
function recorder() {
  const calls: unknown[][] = []
  const paints: Paint[] = []
  let path: Shape[] = []
  const state = { fillStyle: '' as Canvas2D['fillStyle'], strokeStyle: '' as Canvas2D['strokeStyle'], globalAlpha: 1, lineWidth: 1 }
  const ctx = {
    setTransform: (...args: unknown[]) => void calls.push(['setTransform', ...args]),
    clearRect: (...args: unknown[]) => void calls.push(['clearRect', ...args]),
    fillRect: (...args: unknown[]) => void calls.push(['fillRect', ...args]),
    beginPath: () => {
      calls.push(['beginPath'])
      path = []
    },
    rect: (x: number, y: number, w: number, h: number) => {
      calls.push(['rect', x, y, w, h])
      path.push(['rect', x, y, w, h])
    },
    arc: (x: number, y: number, r: number, a0: number, a1: number) => {
      calls.push(['arc', x, y, r, a0, a1])
      path.push(['arc', x, y, r, a0, a1])
    },
    moveTo: (...args: unknown[]) => void calls.push(['moveTo', ...args]),
    fill: () => {
      calls.push(['fill'])
      paints.push({ op: 'fill', style: String(state.fillStyle), alpha: state.globalAlpha, lineWidth: state.lineWidth, shapes: path })
    },
    stroke: () => {
      calls.push(['stroke'])
      paints.push({ op: 'stroke', style: String(state.strokeStyle), alpha: state.globalAlpha, lineWidth: state.lineWidth, shapes: path })
    },
  } as unknown as Canvas2D
  for (const key of Object.keys(state) as Array<keyof typeof state>) {
    Object.defineProperty(ctx, key, {
      get: () => state[key],
      set: (value) => {
        calls.push([key, value])
        ;(state as Record<string, unknown>)[key] = value
      },
    })
  }
  return { ctx, calls, paints }
}

const colors: CanvasColors = { accent: '#0055aa', planned: '#aa6600', muted: '#888888' }

const frameOf = (items: TimelineEvent[], view: { t0: number; t1: number; width: number }, more: Partial<FrameOptions> = {}) => {
  const table = eventTable(items)
  const o = elementOptions(more)
  return plotFrame(table, laneIndex(table, null, o.groupBy, (k) => k), view, new DensityCache(), o)
}

/** A lane of ticks (dots and bars, occurred, planned and cancelled, one begun before the plot) and a lane of density under a band of a war, across 1,000 px. */
function mixedFrame(): PlotFrame {
  const statuses = ['occurred', 'planned', 'cancelled', 'ongoing'] as const
  const ticks = Array.from({ length: 160 }, (_, i) => {
    const start = origin + i * day
    const dot = i % 2 === 0
    return item(`t${i}`, start, start + (dot ? day - 1 : (2 + (i % 5)) * day), { shape: dot ? 'point' : 'span', status: statuses[i % 4], actors: ['usa'] })
  })
  ticks.push(item('early', origin - 5 * day, origin + 2 * day, { actors: ['usa'] }))
  const crowd = Array.from({ length: 600 }, (_, i) => item(`c${i}`, origin + Math.floor(i / 4) * day, origin + Math.floor(i / 4) * day + (i % 9) * day, { actors: ['russia'] }))
  crowd.push(item('war', origin + 40 * day, origin + 400 * day, { actors: ['russia'] }))
  return frameOf(inTimeOrder([...ticks, ...crowd]), { t0: origin - 3.3 * day, t1: origin + 170 * day, width: 1000 })
}

/** The level of shade a count gets: its share of the peak, in densityShades steps; -1 for none. */
const shadeOf = (count: number, peak: number) => (count === 0 ? -1 : Math.max(1, Math.ceil((count / peak) * densityShades)) - 1)

/** The rectangles each shade of these strips should have, worked out bucket by bucket: a shade's touching buckets in a strip are merged, and cut to the plot. */
function expectedRuns(frame: PlotFrame, strips: readonly DensityLane[]): Map<number, Array<[number, number, number, number]>> {
  const runs = new Map<number, Array<[number, number, number, number]>>()
  for (const d of strips) {
    for (let i = 0; i < d.counts.length; i++) {
      const shade = shadeOf(d.counts[i]!, d.peak)
      if (shade < 0) continue
      const list = runs.get(shade) ?? []
      runs.set(shade, list)
      const previous = list.at(-1)
      const [left, right] = [d.x0 + i * d.step, d.x0 + (i + 1) * d.step]
      if (i > 0 && shadeOf(d.counts[i - 1]!, d.peak) === shade && previous) previous[2] = right
      else list.push([left, d.y, right, d.height])
    }
  }
  // From [left, y, right, height] to the rectangle drawn: cut to [0, width], at least 1 px wide.
  for (const list of runs.values()) {
    for (const r of list) {
      const x = Math.max(0, r[0])
      ;[r[0], r[2]] = [x, Math.max(1, Math.min(frame.width, r[2]) - x)]
    }
  }
  return runs
}

/** Density is painted first, one fill per shade, then the bands of long events, one fill per shade; the marks last, in three paints. */
const densityPaints = (paints: Paint[]) => paints.slice(0, -3)
const markPaints = (paints: Paint[]) => paints.slice(-3)

/**
 * Checks that the paints before the marks are the lanes' density in the accent colour, then the bands in the muted colour
 * at half strength: each shade used filled once, in order of shade, at its opacity, with one rectangle per run.
 */
function expectDensityPaints(frame: PlotFrame, paints: Paint[]) {
  const shades = densityPaints(paints)
  const groups = [
    { strips: frame.density.filter((d) => !d.long), style: colors.accent, strength: 1 },
    { strips: frame.density.filter((d) => d.long), style: colors.muted, strength: 0.5 },
  ]
  const expected = groups.flatMap(({ strips, style, strength }) => {
    const runs = expectedRuns(frame, strips)
    return [...runs.keys()].sort((a, b) => a - b).map((shade) => ({ style, alpha: shadeOpacity(shade) * strength, runs: runs.get(shade)! }))
  })
  expect(shades.map((p) => [p.op, p.style, p.alpha])).toEqual(expected.map((e) => ['fill', e.style, e.alpha]))
  shades.forEach((p, i) => {
    const want = expected[i]!.runs
    expect(p.shapes.length).toBe(want.length)
    const off = p.shapes.filter((s, k) => s[0] !== 'rect' || want[k]!.some((v, j) => Math.abs(v - (s[j + 1] as number)) > 1e-6))
    expect(off).toEqual([])
    for (const [, x, , w] of p.shapes as Array<['rect', number, number, number, number]>) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThanOrEqual(frame.width)
      expect(w).toBeGreaterThanOrEqual(1)
      if (w > 1) expect(x + w).toBeLessThanOrEqual(frame.width + 1e-9)
    }
  })
}

describe('drawFrame', () => {
  it('makes the same calls for the same frame, and leaves the frame as it was', () => {
    const frame = mixedFrame()
    expect(frame.lanes.map((l) => [l.mode, l.long])).toEqual([['density', 1], ['ticks', 0]])
    const before = structuredClone(frame)
    const [a, b] = [recorder(), recorder()]
    drawFrame(a.ctx, frame, colors, 2, 300)
    drawFrame(b.ctx, frame, colors, 2, 300)
    expect(a.calls.length).toBeGreaterThan(100)
    expect(a.calls).toEqual(b.calls)
    expect(frame).toEqual(before)
    // At the device's pixel ratio, over the whole plot.
    expect(a.calls.slice(0, 2)).toEqual([['setTransform', 2, 0, 0, 2, 0, 0], ['clearRect', 0, 0, 1000, 300]])
  })

  it('draws each run of buckets of one shade as one rectangle, cut to the plot, and fills each shade once at its opacity', () => {
    const strip = (counts: number[], peak: number, x0: number, y: number, long = false): DensityLane => ({ lane: 0, y, height: 11, t0: 0, span: 1, x0, step: 2, counts: Int32Array.from(counts), peak, long })
    const frame: PlotFrame = {
      t0: 0, t1: 10, width: 21, lanes: [], marks: [], ticks: [], height: 60,
      // Shades 7 7 7 7 0 0 - 7 3 3 1, the first bucket half left of the plot and the last half right of it; a band of long
      // events, shades 7 - 3, listed among the lanes but painted after them; then a lane at full strength.
      density: [strip([8, 8, 8, 8, 1, 1, 0, 8, 4, 4, 2], 8, -0.5, 10), { ...strip([2, 0, 1], 2, 1, 30, true), height: 3 }, strip([1, 1], 1, 3, 40)],
    }
    const { ctx, paints } = recorder()
    drawFrame(ctx, frame, colors, 1, 60)
    const shades = densityPaints(paints)
    expect(shades.map((p) => [p.style, p.alpha, p.shapes])).toEqual([
      [colors.accent, shadeOpacity(0), [['rect', 7.5, 10, 4, 11]]],
      [colors.accent, shadeOpacity(1), [['rect', 19.5, 10, 1.5, 11]]],
      [colors.accent, shadeOpacity(3), [['rect', 15.5, 10, 4, 11]]],
      [colors.accent, shadeOpacity(7), [['rect', 0, 10, 7.5, 11], ['rect', 13.5, 10, 2, 11], ['rect', 3, 40, 4, 11]]],
      // The band in the muted colour, at half the strength of each shade.
      [colors.muted, shadeOpacity(3) / 2, [['rect', 5, 30, 2, 3]]],
      [colors.muted, shadeOpacity(7) / 2, [['rect', 1, 30, 2, 3]]],
    ])
    expect(shades.every((p) => p.op === 'fill')).toBe(true)
    // The busiest shade at full strength, the faintest still seen.
    expect(shadeOpacity(densityShades - 1)).toBe(1)
    expect(shadeOpacity(0)).toBeCloseTo(0.15 + 0.85 / 8, 12)
  })

  it('fills every shade of any frame\'s density and bands once, one rectangle per run, nothing left of the plot and nothing past it but a 1 px least width', () => {
    let bands = 0
    fc.assert(
      fc.property(
        // Events of a few ms to years, in lanes past a budget of none: those longer than the window are in bands.
        eventsArb(200, 50, 40),
        fc.integer({ min: -5 * day, max: 30 * day }),
        fc.integer({ min: 2 * day, max: 40 * day }),
        fc.integer({ min: 150, max: 900 }),
        (items, from, length, width) => {
          const frame = frameOf(items, { t0: origin + from, t1: origin + from + length, width }, { maxMarks: 0, groupBy: 'category' })
          const { ctx, paints } = recorder()
          drawFrame(ctx, frame, colors, 1, 200)
          expectDensityPaints(frame, paints)
          bands += frame.density.filter((d) => d.long).length
        },
      ),
      { numRuns: 25 },
    )
    expect(bands).toBeGreaterThan(0)
  })

  it('paints a frame\'s density, then its bands of long events, then its marks', () => {
    const frame = mixedFrame()
    const { ctx, paints } = recorder()
    drawFrame(ctx, frame, colors, 1, 300)
    expectDensityPaints(frame, paints)
    expect(densityPaints(paints).some((p) => p.style === colors.muted)).toBe(true)
  })

  it('fills marks in the accent colour, cancelled ones muted, and strokes planned ones in their colour without filling them', () => {
    const frame = mixedFrame()
    const { ctx, paints } = recorder()
    drawFrame(ctx, frame, colors, 1, 300)
    expect(markPaints(paints).map((p) => [p.op, p.style, p.alpha, p.lineWidth])).toEqual([['fill', colors.accent, 1, 1.5], ['fill', colors.muted, 1, 1.5], ['stroke', colors.planned, 1, 1.5]])
    const [accent, muted, planned] = markPaints(paints).map((p) => p.shapes.map((s) => JSON.stringify(s)))
    const t = frame.ticks[0]!
    const kinds = { accent: 0, muted: 0, planned: 0 }
    for (let i = 0; i < t.x1.length; i++) {
      const [x1, x2, y, h] = [t.x1[i]!, t.x2[i]!, t.y[i]!, t.height]
      const shape = JSON.stringify(t.flags[i]! & Flag.dot ? ['arc', (x1 + x2) / 2, y + h / 2, Math.min(h, x2 - x1) / 2, 0, 2 * Math.PI] : ['rect', x1, y, x2 - x1, h])
      const where = [accent!.includes(shape), muted!.includes(shape), planned!.includes(shape)]
      const kind = t.flags[i]! & Flag.cancelled ? 'muted' : t.flags[i]! & Flag.planned ? 'planned' : 'accent'
      expect(where).toEqual([kind === 'accent', kind === 'muted', kind === 'planned'])
      kinds[kind]++
    }
    // Each mark once, and every kind drawn.
    expect(accent!.length + muted!.length + planned!.length).toBe(t.x1.length)
    expect(kinds.accent * kinds.muted * kinds.planned).toBeGreaterThan(0)
  })

  it('draws a bar that began before the plot from where it began, and every bar across some of the plot', () => {
    const frame = mixedFrame()
    const { ctx, paints } = recorder()
    drawFrame(ctx, frame, colors, 1, 300)
    const bars = markPaints(paints).flatMap((p) => p.shapes).filter((s): s is ['rect', number, number, number, number] => s[0] === 'rect')
    expect(bars.some(([, x]) => x < 0)).toBe(true)
    expect(bars.filter(([, x, , w]) => x > frame.width || x + w < 0)).toEqual([])
  })
})
