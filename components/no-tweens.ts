/**
 * Stands in for d3-interpolate wherever the element is built: vite.config.ts aliases the package
 * to this module. The element's scales map time to pixels, numbers to numbers; d3-zoom and
 * d3-brush interpolate only along a transition, and the element has none (no-transitions.ts).
 * The package's general `interpolate` also blends strings, arrays and objects, and its zoom path
 * is a curve through scale space: 2.5 kB (gzip) that would load before the first paint for
 * nothing. Here numbers, dates and constants interpolate as d3's do; anything else fails with a
 * TypeError, as does a zoom transition.
 */

type Interpolator<T> = (t: number) => T

export const interpolateNumber = (a: number, b: number): Interpolator<number> => {
  a = +a
  b = +b
  return (t) => a * (1 - t) + b * t
}

export const interpolateRound = (a: number, b: number): Interpolator<number> => {
  const at = interpolateNumber(a, b)
  return (t) => Math.round(at(t))
}

/** d3's `interpolate` for the values a scale of the element's can hold. */
export function interpolate(a: unknown, b: unknown): Interpolator<unknown> {
  if (b == null || typeof b === 'boolean') return () => b
  if (typeof b === 'number') return interpolateNumber(a as number, b)
  if (b instanceof Date) {
    const at = interpolateNumber(+(a as Date), +b)
    return (t) => new Date(at(t))
  }
  throw new TypeError(`the timeline interpolates numbers and dates only, not ${JSON.stringify(b)} (see components/no-tweens.ts)`)
}

/** An interpolator through several values, one piece between each two (d3's `piecewise`). */
export function piecewise(by: (a: unknown, b: unknown) => Interpolator<unknown>, values?: readonly unknown[]): Interpolator<unknown> {
  const all = values ?? (by as unknown as readonly unknown[])
  const between = values ? by : interpolate
  const n = all.length - 1
  const pieces = Array.from({ length: Math.max(0, n) }, (_, i) => between(all[i], all[i + 1]))
  return (t) => {
    const i = Math.max(0, Math.min(n - 1, Math.floor((t *= n))))
    return pieces[i]!(t - i)
  }
}

/** The path of a zoom transition: there are none. */
export function interpolateZoom(): never {
  throw new TypeError('the timeline animates no zoom (see components/no-tweens.ts)')
}
