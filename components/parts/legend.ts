import { html, nothing, svg } from 'lit'
import type { Messages } from '../../src/i18n/index.ts'
import { swatchOf, type LegendKey, type SwatchShape } from '../../src/timeline/legend.ts'
import { legendWords } from './words.ts'

/** One shape of a swatch; its colours come from classes (`ink-fill-accent`), as the plot's do, not from inline styles. */
function shapeOf({ tag, at, fill, stroke, dash, opacity, text, size }: SwatchShape) {
  const ink = `ink-fill-${fill ?? 'none'}${stroke ? ` ink-stroke-${stroke}` : ''}`
  if (tag === 'circle') return svg`<circle class=${ink} cx=${at.cx!} cy=${at.cy!} r=${at.r!}></circle>`
  if (tag === 'line') return svg`<line class=${ink} x1=${at.x1!} y1=${at.y1!} x2=${at.x2!} y2=${at.y2!} stroke-dasharray=${dash ?? nothing}></line>`
  if (tag === 'text') return svg`<text class=${`${ink} swatch-text`} x=${at.x!} y=${at.y!} font-size=${size ?? 12}>${text}</text>`
  return svg`<rect class=${ink} x=${at.x!} y=${at.y!} width=${at.width!} height=${at.height!} rx=${at.rx ?? nothing} stroke-dasharray=${dash ?? nothing} fill-opacity=${opacity ?? nothing}></rect>`
}

/** The legend: what each encoding in view means, only those present (see legendOf). */
export const legendPart = (keys: readonly LegendKey[], m: Messages) =>
  keys.length === 0
    ? nothing
    : html`<ul class="legend" part="legend" aria-label=${m.format('legend')}>
        ${keys.map((key) => html`<li><svg width="24" height="16" viewBox="0 -8 24 16" aria-hidden="true">${swatchOf(key).map(shapeOf)}</svg><span>${legendWords(key, m)}</span></li>`)}
      </ul>`
