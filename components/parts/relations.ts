import { nothing, svg } from 'lit'
import type { Relation } from '../../src/model/index.ts'
import { labelSpan, type Mark } from '../../src/timeline/layout.ts'
import type { Messages } from '../../src/i18n/index.ts'
import { nameOf } from './words.ts'
import { textBox, type Box } from './text-box.ts'
import { middleOf as middle, type Mirror } from './plot.ts'

/** What the relations are drawn among: the marks and the other text of the lanes, on the screen. */
export interface RelationsInput {
  relations: readonly Relation[]
  marks: readonly Mark[]
  selected: string | null
  messages: Messages
  /** The plot's width, and the height verbs may use (the lanes and the room under them), in px. */
  width: number
  height: number
  /** Where the frame's positions fall on the screen. */
  screen: Mirror
  /** The width of text in the element's font at a size in px, and the size marks' labels are drawn at. */
  measureAt: (text: string, px: number) => number
  labelPx: number
  /** Other text on the lanes (lane names, the "as of" label), which verbs keep clear of. */
  texts: readonly Box[]
}

/** A verb's size in px (`.link .verb`), how far its lines are set apart when moved, and how many lines it may move up or down. */
const verbPx = 11
const line = 13
const reach = 6
/** An italic, haloed verb is a little wider than its letters measured upright. */
const verbWidth = (width: number) => width * 1.08 + 3

const overlaps = (a: Box, b: Box) => a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1

/**
 * The selected event's relations: an arrow from the event that acts to the one it acts on, with
 * its verb ("accuses", "responds to"). Between events far apart in time, the curve arches over the
 * rows, its verb on top; between events close in time but rows apart, it bows out to the right of
 * the dots (to the left when time runs right to left, or when the right has no room), its verb
 * beside it. A cubic Bézier whose control points are `bend` from its ends reaches three quarters
 * of the way out. Each verb is then put where it covers no label, mark, other text or verb and
 * stays inside the plot: where it belongs, else along its arch or on the other side of the dots,
 * a line up or down at a time; with no such place, it is left out.
 */
export function relationPaths(input: RelationsInput) {
  const { relations, marks, selected, messages: m, screen, width, height } = input
  if (!selected) return nothing
  const at = new Map<string, Mark>()
  for (const mark of marks) if (!at.has(mark.item.id)) at.set(mark.item.id, mark)
  const taken: Box[] = [...input.texts]
  for (const mark of at.values()) {
    const cy = middle(mark)
    const span = labelSpan(mark)
    if (span) taken.push(textBox(screen.left(span[0], span[1]), span[1] - span[0], cy + 4, input.labelPx))
    const [u1, u2] = [Math.min(mark.x1, mark.cx - 8), Math.max(mark.x2, mark.cx + 8)]
    taken.push({ l: screen.left(u1, u2), r: screen.left(u1, u2) + u2 - u1, t: cy - 8, b: cy + 8 })
  }
  const links = relations.filter((r) => (r.from === selected || r.to === selected) && at.has(r.from) && at.has(r.to)).map((r) => {
    const [a, b] = [at.get(r.from)!, at.get(r.to)!]
    const [x1, y1, x2, y2] = [screen.x(a.cx), middle(a), screen.x(b.cx), middle(b)]
    const verb = nameOf(m, 'verb', r.type)
    const w = verbWidth(input.measureAt(verb, verbPx))
    const across = Math.abs(x2 - x1) >= Math.abs(y2 - y1)
    const bend = Math.min(60, (across ? Math.abs(x2 - x1) : Math.abs(y2 - y1)) / 2 + 20)
    if (across) {
      // Over the middle of the arch, else along it.
      const xs = [0, -0.25, 0.25, -0.5, 0.5, -0.75, 0.75].map((f) => Math.max(1, Math.min(width - 1 - w, (x1 + x2) / 2 + f * Math.abs(x2 - x1) - w / 2)))
      const place = placed(taken, height, xs, Math.min(y1, y2) - bend * 0.75 - 3, w)
      return { d: `M${x1},${y1} C${x1},${y1 - bend} ${x2},${y2 - bend} ${x2},${y2}`, ...place, verb }
    }
    // Beside the dots: on the side time runs towards, else on the other.
    const sides = [screen.sense, -screen.sense].map((s) => ({ s, x: s > 0 ? Math.max(x1, x2) + bend * 0.75 + 4 : Math.min(x1, x2) - bend * 0.75 - 4 - w }))
    const inside = sides.filter((side) => side.x >= 1 && side.x + w <= width - 1)
    const place = placed(taken, height, inside.map((side) => side.x), (y1 + y2) / 2 + 4, w)
    const s = inside.find((side) => side.x === place?.x)?.s ?? screen.sense
    return { d: `M${x1},${y1} C${x1 + s * bend},${y1} ${x2 + s * bend},${y2} ${x2},${y2}`, ...place, verb }
  })
  // A verb with no room (a narrow, crowded plot) is left out: the details name each relation.
  return links.map((l) => svg`<g class="link"><path class="relation" d=${l.d} marker-end="url(#dt-arrow)"></path>
    ${l.x === undefined ? nothing : svg`<text class="verb" x=${l.x} y=${l.y}>${l.verb}</text>`}</g>`)
}

/**
 * Where a verb `w` px wide goes: at one of the lefts `xs` (in order of preference), on the
 * baseline `y` or the nearest line above or below it on which it covers nothing taken and stays
 * on the lanes; nowhere when no line within `reach` is free. Its box is then taken.
 */
function placed(taken: Box[], height: number, xs: readonly number[], y: number, w: number): { x: number; y: number } | { x?: undefined; y?: undefined } {
  for (let step = 0; step <= 2 * reach; step++) {
    const dy = step === 0 ? 0 : (step % 2 === 1 ? -1 : 1) * Math.ceil(step / 2) * line
    for (const x of xs) {
      const box = textBox(x, w, y + dy, verbPx)
      if (box.t < 0 || box.b > height) continue
      if (taken.some((t) => overlaps(t, box))) continue
      taken.push(box)
      return { x, y: y + dy }
    }
  }
  return {}
}
