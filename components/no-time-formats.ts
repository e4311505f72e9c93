/**
 * Stands in for d3-time-format wherever the element is built: vite.config.ts aliases the package
 * to this module. d3-scale's time scales make their default tick format when they are made, and
 * so bundle the package's parser, formatter and English locale (3 kB gzip); the element writes
 * every date with Intl (src/dates/format.ts) and never asks a scale for its tick format. Here a
 * format can be made, and fails with a TypeError when it is used.
 */

const none = (): never => {
  throw new TypeError('the timeline writes dates with Intl, not d3-time-format (see components/no-time-formats.ts)')
}

export const timeFormat = (_specifier: string) => none
export const utcFormat = (_specifier: string) => none
