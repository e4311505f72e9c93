/**
 * Stands in for d3-transition wherever the element is built: vite.config.ts aliases the package
 * to this module. d3-zoom and d3-brush import d3-transition to animate a zoom or a brush move
 * that is given a transition, and to stop such an animation when a gesture starts. The element
 * never animates (every change of window is immediate, which also suits reduced motion), so
 * there is never anything to stop: this gives the two behaviours the `interrupt` they call,
 * instead of 4 kB (gzip) of transition code. Starting a transition fails with a TypeError.
 */
import { selection } from 'd3-selection'

/** Stops the transitions running on a node: there are none. */
export function interrupt(): void {}

const prototype = selection.prototype as unknown as { interrupt?: () => unknown }
prototype.interrupt = function (this: unknown) {
  return this
}
