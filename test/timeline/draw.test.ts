import { describe, expect, it } from 'vitest'
import { drawBins, type Canvas2D } from '../../src/timeline/draw.ts'

function recorder() {
  const calls: string[] = []
  const ctx = {
    fillStyle: '',
    globalAlpha: 1,
    setTransform: (...a: number[]) => void calls.push(`transform ${a.join(',')}`),
    clearRect: () => void calls.push('clear'),
    fillRect: (x: number, y: number, w: number, h: number) => void calls.push(`rect ${x},${y},${w},${h} @${ctx.globalAlpha.toFixed(2)}`),
  }
  return { ctx: ctx as unknown as Canvas2D & { fillStyle: string }, calls }
}

describe('drawBins', () => {
  const rows = [{ y: 10, height: 12, peak: 4, bins: [{ x: 0, width: 4, count: 4 }, { x: 8, width: 4, count: 1 }] }]

  it('shades lane bins by their share of the busiest bin', () => {
    const { ctx, calls } = recorder()
    drawBins(ctx, rows, '#123456', 'opacity', 2)
    expect(ctx.fillStyle).toBe('#123456')
    expect(calls).toEqual(['transform 2,0,0,2,0,0', 'clear', 'rect 0,10,3.5,12 @1.00', 'rect 8,10,3.5,12 @0.36'])
  })

  it('draws overview bins as bars standing on the row\'s bottom', () => {
    const { ctx, calls } = recorder()
    drawBins(ctx, rows, 'red', 'height')
    expect(calls.slice(2)).toEqual(['rect 0,10,3.5,12 @0.60', 'rect 8,19,3.5,3 @0.60'])
  })
})
