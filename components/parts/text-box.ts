/** A box on the plot's lanes, in px: left, right, top, bottom. */
export interface Box {
  l: number
  r: number
  t: number
  b: number
}

/** The box of a line of text at `size` px whose baseline is at y, from x to x + width: the usual faces' ascent and descent, and some more for scripts that reach further (Arabic). */
export const textBox = (x: number, width: number, y: number, size: number): Box => ({ l: x, r: x + width, t: y - 1.05 * size, b: y + 0.35 * size })
