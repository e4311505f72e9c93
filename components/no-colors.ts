/**
 * Stands in for d3-color wherever the element is built: vite.config.ts aliases the package to
 * this module. d3-scale, d3-zoom and d3-brush reach d3-color only through d3-interpolate, whose
 * general `interpolate` can blend two colours, and so bundle its parser and its table of 148
 * colour names (4 kB gzip). The element never interpolates a colour: its scales map time to
 * pixels, and every colour comes from CSS. Here no string is a colour, so a string is
 * interpolated as text with numbers in it; asking for a colour space fails with a TypeError.
 */

/** No string is read as a colour. */
export const color = (): null => null

const none = (): never => {
  throw new TypeError('the timeline interpolates no colours (see components/no-colors.ts)')
}
export const rgb = none
export const hsl = none
export const lab = none
export const hcl = none
export const cubehelix = none
