import type { Messages } from '../../src/i18n/index.ts'
import type { Source } from '../../src/model/index.ts'
import { swatchOf, type Ink, type LegendKey } from '../../src/timeline/legend.ts'
import { legendWords } from '../parts/words.ts'

// The element's current view as a picture for a story: its title, the window and count, the
// plot as drawn (labels as text, styles written into the picture, the canvas's unlabelled marks
// as an image), a legend of the encodings in view, and a line naming the sources.

const svgNs = 'http://www.w3.org/2000/svg'

/** The properties that the element's styles set on the plot and that a picture needs written on each node. */
const painted = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linejoin', 'paint-order', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'visibility'] as const

export interface PictureInput {
  /** The plot's SVG and canvas, as on screen. */
  plot: SVGSVGElement
  canvas: HTMLCanvasElement | null
  title: string
  /** The window and how many events it holds: "12–26 Sep 2016 · 20 events". */
  subtitle: string
  legend: readonly LegendKey[]
  sources: readonly Source[]
  /** The element, whose computed colours and font the picture takes. */
  host: HTMLElement
  /** The legend's words and the line naming the sources, in the element's language. */
  messages: Messages
}

/** A copy of the plot with every node's computed paint written on it, so that it looks the same outside the element. */
function paintedCopy(plot: SVGSVGElement): SVGSVGElement {
  const copy = plot.cloneNode(true) as SVGSVGElement
  const live = [plot, ...plot.querySelectorAll('*')]
  const copied = [copy, ...copy.querySelectorAll('*')]
  live.forEach((node, i) => {
    const target = copied[i]!
    for (const name of ['role', 'tabindex', 'aria-activedescendant', 'aria-label', 'aria-hidden', 'part', 'class']) target.removeAttribute(name)
    if (node.tagName === 'pattern' || node.closest('pattern') === node) return
    const style = getComputedStyle(node)
    if (style.display === 'none') return target.remove()
    target.setAttribute('style', painted.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'))
  })
  return copy
}

/** Words wrapped into lines of at most `width` px, as `measure` says. */
function wrap(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word
    if (line && measure(next) > width) {
      lines.push(line)
      line = word
    } else line = next
  }
  return line ? [...lines, line] : lines
}

/** The picture's SVG text. */
export function pictureSvg({ plot, canvas, title, subtitle, legend, sources, host, messages: m }: PictureInput): string {
  const style = getComputedStyle(host)
  const colour = (name: string) => style.getPropertyValue(name).trim()
  const c = { fg: colour('--_fg'), muted: colour('--_muted'), bg: colour('--_bg'), accent: colour('--_accent'), planned: colour('--_planned'), disputed: colour('--_disputed') }
  const { fg, muted, bg } = c
  const font = style.fontFamily
  const context = document.createElement('canvas').getContext('2d')!
  const measure = (text: string, size = 12) => {
    context.font = `${size}px ${font}`
    return context.measureText(text).width
  }
  const width = Number(plot.getAttribute('width'))
  const plotHeight = Number(plot.getAttribute('height'))
  const pad = 16
  const doc = document.implementation.createDocument(svgNs, 'svg', null)
  const root = doc.documentElement as unknown as SVGSVGElement
  const add = <K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attributes: Record<string, string | number>, text?: string) => {
    const node = doc.createElementNS(svgNs, tag)
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value))
    if (text !== undefined) node.textContent = text
    parent.append(node)
    return node
  }
  root.setAttribute('font-family', font)
  add(root, 'title', {}, title)
  const background = add(root, 'rect', { width: '100%', height: '100%', fill: bg })
  add(root, 'text', { x: pad, y: pad + 14, 'font-size': 17, 'font-weight': 700, fill: fg }, title)
  add(root, 'text', { x: pad, y: pad + 34, 'font-size': 12, fill: muted }, subtitle)
  let y = pad + 46

  const plotGroup = add(root, 'g', { transform: `translate(0,${y})` })
  if (canvas && canvas.width > 0) {
    // The lanes' part of the canvas, where it lies under the plot (its box: see controllers/plot-canvas.ts).
    const box = canvas.parentElement ?? canvas
    const [top, shown] = [box.offsetTop, box.clientHeight]
    const lanes = document.createElement('canvas')
    lanes.width = canvas.width
    lanes.height = Math.max(1, Math.round((shown * canvas.height) / Math.max(1, canvas.clientHeight)))
    lanes.getContext('2d')?.drawImage(canvas, 0, 0)
    add(plotGroup, 'image', { x: 0, y: top, width: canvas.clientWidth, height: shown, href: lanes.toDataURL('image/png') })
  }
  plotGroup.append(doc.importNode(paintedCopy(plot), true))
  y += plotHeight + 12

  // The legend: a swatch drawn as the plot draws it, then its words, wrapped into rows.
  let x = pad
  for (const key of legend) {
    const label = legendWords(key, m)
    const entryWidth = 30 + measure(label) + 18
    if (x > pad && x + entryWidth > width - pad) {
      x = pad
      y += 22
    }
    const entry = add(root, 'g', { transform: `translate(${x},${y})` })
    swatch(entry, key, c, add)
    add(entry, 'text', { x: 30, y: 4, 'font-size': 12, fill: fg }, label)
    x += entryWidth
  }
  if (legend.length > 0) y += 24

  const cited = sources.map((s) => m.format(s.publisher ? 'pictureSource' : 'pictureSourceNoPublisher', { publisher: s.publisher, headline: s.headline, published: s.datePublished }))
  const credit = cited.length ? m.format('pictureSources', { sources: cited.join(m.format('sourceSeparator')) }) : m.format('pictureNoSources')
  const lines = wrap(credit, width - 2 * pad, (t) => measure(t, 11))
  for (const line of lines) {
    add(root, 'text', { x: pad, y, 'font-size': 11, fill: muted }, line)
    y += 15
  }
  const height = Math.ceil(y + pad - 8)
  root.setAttribute('width', String(width))
  root.setAttribute('height', String(height))
  root.setAttribute('viewBox', `0 0 ${width} ${height}`)
  background.setAttribute('height', String(height))
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`
}

type Add = <K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attributes: Record<string, string | number>, text?: string) => Element

/** A legend entry's swatch (see swatchOf), in the element's colours. */
function swatch(parent: Element, key: LegendKey, inks: Record<Ink, string>, add: Add) {
  for (const shape of swatchOf(key)) {
    const paint = {
      fill: shape.fill ? inks[shape.fill] : 'none',
      ...(shape.stroke ? { stroke: inks[shape.stroke], 'stroke-width': 1.5 } : {}),
      ...(shape.dash ? { 'stroke-dasharray': shape.dash } : {}),
      ...(shape.opacity !== undefined ? { 'fill-opacity': shape.opacity } : {}),
      ...(shape.text ? { 'text-anchor': 'middle', 'font-weight': 700, 'font-size': shape.size ?? 12 } : {}),
    }
    add(parent, shape.tag, { ...shape.at, ...paint }, shape.text)
  }
}

/** The picture as PNG, drawn at `scale` times its size (2: sharp on a high-density screen or in print); a failure is said in the messages' language. */
export async function picturePng(svgText: string, m: Messages, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(image.naturalWidth * scale)
    canvas.height = Math.round(image.naturalHeight * scale)
    const context = canvas.getContext('2d')!
    context.scale(scale, scale)
    context.drawImage(image, 0, 0)
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(m.format('noPng')))), 'image/png'))
  } finally {
    URL.revokeObjectURL(url)
  }
}
