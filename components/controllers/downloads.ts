import type { EventDataset, Source } from '../../src/model/index.ts'
import { formatDayRange } from '../../src/dates/format.ts'
import type { Messages } from '../../src/i18n/index.ts'
import { formatById, writeFormat } from '../../src/formats/catalogue.ts'
import type { PlotFrame } from '../../src/timeline/frame.ts'
import { legendOf } from '../../src/timeline/legend.ts'

/** What a picture reads of the element. */
export interface DownloadsHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment
  readonly updateComplete: Promise<boolean>
}

/** The view a picture is made of, as the element last drew it. */
export interface DrawnView {
  frame: PlotFrame | undefined
  /** The dataset, its events made when asked for (from a large file, most are built only then). */
  dataset: () => EventDataset
  title: string
  sources: readonly Source[]
  /** The data is the last found valid (data still being checked is not exported). */
  valid: boolean
  asOf: boolean
}

// The element's downloads, fetched when first asked for: its current view as a picture (SVG,
// text as text; or PNG) and its data in any format the catalogue writes, whose writer is
// fetched in turn.

/** The current view as SVG or PNG, its words in `m`; rejects, saying why, when no plot is drawn. */
export async function picture(host: DownloadsHost, view: DrawnView | undefined, type: 'svg' | 'png', m: Messages): Promise<Blob> {
  await host.updateComplete
  const plot = host.renderRoot.querySelector<SVGSVGElement>('svg.plot')
  if (!view?.frame || !plot) throw new Error(m.format('noPicture'))
  const { pictureSvg, picturePng } = await import('./export-picture.ts')
  const { frame } = view
  const count = frame.lanes.reduce((sum, lane) => sum + lane.count, 0)
  const svg = pictureSvg({
    plot, canvas: host.renderRoot.querySelector('canvas.plot-canvas'), host, title: view.title,
    subtitle: m.format('pictureSubtitle', { range: formatDayRange(frame.t0, frame.t1, { messages: m }), count }),
    legend: legendOf(frame, view.asOf), sources: view.sources, messages: m,
  })
  return type === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : picturePng(svg, m)
}

/** The data, valid, in a format the catalogue writes (its id: csv, ical…); rejects, saying why in `m`, when it cannot. */
export async function data(view: DrawnView | undefined, id: string, m: Messages): Promise<Blob> {
  const format = formatById(id)
  if (!format?.writes) throw new Error(m.format('cannotWrite', { format: id }))
  if (!view?.valid) throw new Error(m.format('notValid'))
  const written = await writeFormat(view.dataset(), id)
  return new Blob([written as BlobPart], { type: format.mediaTypes[0] ?? 'application/octet-stream' })
}

/** Saves a blob as a file, as a download the browser names `name`. */
export function save(blob: Blob, name: string): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
}
