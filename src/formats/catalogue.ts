import type { EventDataset } from '../model/index.ts'
import { stripBom } from '../validate/bom.ts'
import type { Codec } from './format.ts'

// The formats the timeline knows: each is an entry here (how a file shows it is one: its name,
// its media type, its first bytes) and a module loaded on demand that reads text into a dataset
// and problems, writes a dataset, or both. This module stays small and free of the validator,
// so that the element can tell formats apart and offer downloads before its first paint;
// reading goes through registry.ts.

export type FormatId = 'json' | 'arrow' | 'csv' | 'acled' | 'timelinejs' | 'timelinejs-sheet' | 'ical' | 'jsonld'

export interface FormatInfo {
  id: FormatId
  /** What a person calls it, for menus and messages. */
  label: string
  /** File name endings, lower case, the first being the one written. */
  extensions: readonly string[]
  mediaTypes: readonly string[]
  /** Whether the start of a file (its first 4,096 characters, byte-order mark dropped) shows it is in this format. */
  sniff?: (head: string) => boolean
  reads: boolean
  writes: boolean
  /** The format a file of its name is read as when no format's first bytes claim it (our JSON for `.json`, the generic CSV for `.csv`). */
  fallback?: boolean
  load: () => Promise<Codec>
}

/** Whether a JSON text's start is a TimelineJS3 timeline's: slides with `start_date` objects, or a `title` slide. */
const isTimelineJs = (head: string) =>
  /^\s*\{/.test(head) && (/"start_date"\s*:\s*\{/.test(head) || /"title"\s*:\s*\{\s*"(text|media|start_date|unique_id)"\s*:/.test(head))

/** Our own JSON and Arrow have readers of their own (the validator's, with a worker for large files); their entries here serve detection and writing. */
const own = async (id: 'json' | 'arrow'): Promise<Codec> =>
  id === 'arrow'
    ? { write: (await import('./arrow.ts')).writeArrow }
    : { write: (dataset: EventDataset) => JSON.stringify(dataset, null, 2) + '\n' }

export const formats: readonly FormatInfo[] = [
  {
    id: 'arrow', label: 'Apache Arrow IPC', extensions: ['.arrow', '.arrows', '.feather'],
    mediaTypes: ['application/vnd.apache.arrow.file', 'application/vnd.apache.arrow.stream'],
    reads: true, writes: true, load: () => own('arrow'),
  },
  {
    // Before TimelineJS, which shares `.json`: a name asks for our own JSON; the first bytes tell them apart.
    id: 'json', label: 'Event dataset (JSON)', extensions: ['.json'], mediaTypes: ['application/json'],
    sniff: (head) => /^\s*\{/.test(head) && !isTimelineJs(head), reads: true, writes: true, fallback: true, load: () => own('json'),
  },
  {
    id: 'timelinejs', label: 'TimelineJS3 timeline (JSON)', extensions: ['.json'], mediaTypes: [],
    sniff: isTimelineJs, reads: true, writes: true, load: async () => (await import('./timelinejs.ts')).codec,
  },
  {
    // Before the generic CSV, which its header would also satisfy.
    id: 'timelinejs-sheet', label: 'TimelineJS Google Sheet (CSV)', extensions: ['.csv'], mediaTypes: ['text/csv'],
    sniff: (head) => {
      const header = head.split(/\r\n?|\n/, 1)[0]!.toLowerCase()
      return /(^|,)\s*"?year"?\s*(,|$)/.test(header) && /(^|,)\s*"?headline"?\s*(,|$)/.test(header)
    },
    reads: true, writes: false, load: async () => (await import('./timelinejs-sheet.ts')).codec,
  },
  {
    // Before the generic CSV, which its header would also satisfy.
    id: 'acled', label: 'ACLED export (CSV)', extensions: ['.csv'], mediaTypes: ['text/csv'],
    sniff: (head) => /^[^\n]*\bevent_id_cnty\b/i.test(head), reads: true, writes: false, load: async () => (await import('./acled.ts')).codec,
  },
  {
    id: 'csv', label: 'CSV (spreadsheet)', extensions: ['.csv'], mediaTypes: ['text/csv'],
    sniff: (head) => /^[^\n{[]*,/.test(head), reads: true, writes: true, fallback: true, load: async () => (await import('./csv.ts')).codec,
  },
  {
    id: 'ical', label: 'iCalendar (calendar apps)', extensions: ['.ics', '.ical', '.icalendar'], mediaTypes: ['text/calendar'],
    reads: false, writes: true, load: async () => (await import('./ical.ts')).codec,
  },
  {
    id: 'jsonld', label: 'schema.org JSON-LD (for search engines)', extensions: ['.jsonld'], mediaTypes: ['application/ld+json'],
    reads: false, writes: true, load: async () => (await import('./jsonld.ts')).codec,
  },
]

export const formatById = (id: string): FormatInfo | undefined => formats.find((f) => f.id === id)

/** "ARROW1": how an Arrow IPC file starts (and ends). */
const arrowMagic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]

/** Whether bytes are Arrow IPC: a file by its magic, a stream by its first message's continuation marker (0xFFFFFFFF). */
export function isArrow(bytes: Uint8Array): boolean {
  if (arrowMagic.every((b, i) => bytes[i] === b)) return true
  return bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff
}

/** The ending of a file name (or URL path), lower case: "data.CSV?x=1" → ".csv". */
function endingOf(name: string): string {
  const path = name.replace(/[?#].*$/, '').toLowerCase()
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/') ? path.slice(dot) : ''
}

/** The formats a name or media type claims; several share `.json` and `.csv`, which their first bytes tell apart. */
function claimedBy(name: string | undefined, mediaType: string | undefined): FormatInfo[] {
  const type = mediaType?.split(';')[0]!.trim().toLowerCase()
  const ending = name ? endingOf(name) : ''
  return formats.filter((f) => (type && f.mediaTypes.includes(type)) || (ending && f.extensions.includes(ending)))
}

export interface FileFacts {
  bytes: Uint8Array
  name?: string
  mediaType?: string
}

/**
 * The format a file is in: Arrow by its first bytes; otherwise the format whose first bytes it
 * shows, preferring those its name or media type claim; failing all, JSON, whose reader says
 * where the file stops being JSON.
 */
export function detectFormat({ bytes, name, mediaType }: FileFacts): FormatInfo {
  if (isArrow(bytes)) return formatById('arrow')!
  const head = stripBom(new TextDecoder().decode(bytes.subarray(0, 4096)))
  const claimed = claimedBy(name, mediaType).filter((f) => f.id !== 'arrow')
  const sniffed = formats.filter((f) => f.reads && f.sniff?.(head))
  return claimed.find((f) => sniffed.includes(f)) ?? sniffed[0] ?? claimed.find((f) => f.fallback) ?? formatById('json')!
}

/** The format a file name asks for when writing (`.arrow`, `.csv`…), or null when its ending names none. */
export function formatOfName(name: string): FormatInfo | null {
  const ending = endingOf(name)
  return formats.find((f) => f.writes && f.extensions[0] === ending) ?? formats.find((f) => f.writes && f.extensions.includes(ending)) ?? null
}

/** Writes a dataset in a format that has a writer. */
export async function writeFormat(dataset: EventDataset, id: FormatId | string): Promise<string | Uint8Array> {
  const format = formatById(id)
  if (!format?.writes) throw new Error(`cannot write ${id} files (formats written: ${formats.filter((f) => f.writes).map((f) => f.id).join(', ')})`)
  return (await format.load()).write!(dataset)
}
