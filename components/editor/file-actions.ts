import { html, type ReactiveControllerHost } from 'lit'
import { detectFormat, formatById, formats, readFile, writeFormat, type FileFacts, type FormatInfo, type ReadResult } from '../../src/formats/registry.ts'
import { columnsChosen, headerOf, readerMapping } from '../../src/editor/csv-columns.ts'
import { conversionOf, withEnding } from '../../src/editor/imported.ts'
import type { CsvMapping } from '../../src/formats/format.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { messageOf } from '../../src/message-of.ts'
import type { ColumnChoices, CsvSource } from './csv-mapping.ts'
import type { Notice } from './notice.ts'

// The editor's files: open (picker or drop) through the format registry, which converts other
// tools' formats into a dataset; save the text as written; save a valid dataset in another
// format. Each action answers with what to tell the user, and the element shows it.

/** Files above this size are for the CLI: the editor would crawl. */
const maxFileBytes = 20 * 1024 * 1024

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: object) => Promise<{ name: string; createWritable: () => Promise<{ write: (data: string | Uint8Array) => Promise<void>; close: () => Promise<void> }> }>
}

/** What opening a file gives: a text to put in the editor under a name, and the notice; or only the notice, saying why nothing changed. */
export type Opened = { text: string; name: string; notice: Notice } | { text?: undefined; notice: Notice }

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const warn = (text: string): { notice: Notice } => ({ notice: { kind: 'warn', text } })

/**
 * Opens a file: the event dataset JSON as written, with its problems; another format the
 * registry reads as its dataset in JSON, saying what was converted, what was dropped and the
 * problems in the source file. A file that cannot be read changes nothing.
 */
export async function openFile(file: File): Promise<Opened> {
  if (file.size > maxFileBytes) {
    return warn(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB; the editor opens files up to ${maxFileBytes / 1048576} MB. Check it with "npx diplomatic-timeline validate" instead. Nothing was changed.`)
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    return warn(`Could not read ${file.name}: ${messageOf(error)}. Nothing was changed.`)
  }
  const facts = { bytes, name: file.name, mediaType: file.type }
  if (detectFormat(facts).id === 'json') return openJson(file.name, bytes)
  return converted(facts, await readFile(facts))
}

/** Reads a generic CSV again with the columns chosen in its form, as opening it would with them. */
export async function convertAgain(csv: CsvSource, choices: ColumnChoices): Promise<Opened> {
  const mapping = readerMapping(choices)
  const result = await readFile(csv.file, { format: 'csv', mapping })
  return converted(csv.file, result, mapping)
}

/**
 * What a file read in another format opens as: its dataset's JSON, with the notes and problems;
 * a generic CSV with the form to choose its columns, even when the reader found no date or title
 * column to build events from, so that the user can name them.
 */
async function converted(file: FileFacts & { name: string }, result: ReadResult, mapping?: CsvMapping): Promise<Opened> {
  const conversion = conversionOf(result, file.name)
  const header = result.format.id === 'csv' && (conversion.ok || (!result.ok && result.value === null)) ? headerOf(file.bytes) : []
  const csv = header.length > 0 ? { file, header, columns: await columnsChosen(header, mapping) } : undefined
  if (!conversion.ok) {
    if (!csv) return warn(conversion.message)
    const missing = (['date', 'title'] as const).filter((field) => !csv.columns[field])
    // The reader's own words name the mapping's syntax, for the command line; here the form is the way to name the columns.
    return { notice: { kind: 'warn', text: `${file.name} has no column for the events' ${missing.join(' or ')} under a name the CSV reader knows: choose ${missing.length > 1 ? 'them' : 'it'} below, then Convert again. Nothing was changed.`, csv } }
  }
  const lists = [{ title: 'What was converted and what was dropped', items: conversion.notes }, { title: 'Problems in the source file', items: conversion.problems }]
  return { text: conversion.text, name: conversion.name, notice: { kind: conversion.problems.length ? 'warn' : 'info', text: conversion.summary, lists, csv } }
}

/** Our own JSON opens as written, problems and all: the lint shows them where they are. */
function openJson(name: string, bytes: Uint8Array): Opened {
  const text = new TextDecoder().decode(bytes)
  if (!/^\s*[{[]/.test(text)) {
    const others = formats.filter((f) => f.reads && f.id !== 'json').map((f) => f.label).join(', ')
    return warn(`${name} is not a JSON file (it does not start with "{"), nor one this editor converts (${others}). Nothing was changed.`)
  }
  return { text, name, notice: { kind: 'info', text: `Opened ${name}. Undo goes back to the previous text.` } }
}

/**
 * Writes a file: where the browser can (the File System Access API), in a place and under a
 * name the user picks; elsewhere as a download. Returns the name written, or null when the user cancelled.
 */
async function writeOut(name: string, data: string | Uint8Array, format: Pick<FormatInfo, 'label' | 'mediaTypes' | 'extensions'>): Promise<string | null> {
  const type = format.mediaTypes[0] ?? 'application/octet-stream'
  const picker = (window as SaveFilePickerWindow).showSaveFilePicker
  if (picker) {
    try {
      const handle = await picker({ suggestedName: name, types: [{ description: format.label, accept: { [type]: [...format.extensions] } }] })
      const writable = await handle.createWritable()
      await writable.write(data)
      await writable.close()
      return handle.name
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null
      throw error
    }
  }
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }))
  Object.assign(document.createElement('a'), { href: url, download: name }).click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}

/** Saves the text as written, problems and all; answers with the name it was saved under (null when cancelled). */
export async function saveText(text: string, name: string, problems: number): Promise<{ name?: string; notice: Notice } | null> {
  try {
    const written = await writeOut(name, text, formatById('json')!)
    if (written === null) return null
    return { name: written, notice: { kind: 'info', text: `Saved ${written}${problems ? `, with ${plural(problems, 'problem')} still in it` : ''}.` } }
  } catch (error) {
    return warn(`Could not save ${name}: ${messageOf(error)}. Your draft is kept in this browser.`)
  }
}

/** Saves a valid dataset in another format, saying what that format leaves out; null when cancelled. */
export async function saveAs(dataset: EventDataset, fileName: string, id: string): Promise<Notice | null> {
  const format = formatById(id)
  if (!format) return null
  const name = withEnding(fileName, format.extensions[0] ?? '')
  try {
    const [data, codec] = await Promise.all([writeFormat(dataset, id), format.load()])
    const lost = codec.lost?.(dataset) ?? []
    const written = await writeOut(name, data, format)
    if (written === null) return null
    return { kind: lost.length ? 'warn' : 'info', text: `Saved ${written} (${format.label}).`, lists: [{ title: `What ${format.label} leaves out (the JSON keeps it)`, items: lost }] }
  } catch (error) {
    return warn(`Could not save ${name}: ${messageOf(error)}. Your draft is kept in this browser.`).notice
  }
}

export async function copySnippet(name: string): Promise<Notice> {
  const snippet = `<script type="module" src="diplomatic-timeline.js"></script>\n<diplomatic-timeline src="${name}"></diplomatic-timeline>`
  try {
    await navigator.clipboard.writeText(snippet)
    return { kind: 'info', text: 'Copied the embed snippet.' }
  } catch {
    return { kind: 'warn', text: `Could not copy; here it is to copy by hand: ${snippet}` }
  }
}

/** The Open… button, with its hidden file input taking every format the registry reads. */
export function openControl(open: (file: File) => void) {
  const accept = formats.filter((f) => f.reads).flatMap((f) => [...f.extensions, ...f.mediaTypes]).join(',')
  const picked = (event: Event) => {
    const input = event.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (file) open(file)
  }
  return html`<button @click=${(event: Event) => ((event.target as HTMLElement).nextElementSibling as HTMLInputElement).click()}>Open…</button>
    <input type="file" accept=${accept} hidden @change=${picked} />`
}

/** The Save as… menu of every format written; usable only while the text is valid. */
export function saveAsControl(ready: boolean, save: (id: string) => void) {
  const chosen = (event: Event) => {
    const select = event.target as HTMLSelectElement
    const id = select.value
    select.value = ''
    if (id) save(id)
  }
  return html`<select aria-label="Save as another format" ?disabled=${!ready} @change=${chosen}
    title=${ready ? 'Save the dataset in another format' : 'Saving in another format needs a valid text: fix its problems first'}>
    <option value="" selected>Save as…</option>
    ${formats.filter((f) => f.writes).map((f) => html`<option value=${f.id}>${f.label} (${f.extensions[0]})</option>`)}
  </select>`
}

/** Dropping a file on the text: an outline while a file is over it, and the file opened on drop. */
export class FileDrop {
  /** A file is being dragged over the drop target. */
  dragging = false

  constructor(private readonly host: ReactiveControllerHost, private readonly open: (file: File) => void) {}

  over = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return
    event.preventDefault()
    this.show(true)
  }

  leave = () => this.show(false)

  drop = (event: DragEvent) => {
    this.show(false)
    const file = event.dataTransfer?.files[0]
    if (!file) return
    event.preventDefault()
    this.open(file)
  }

  private show(dragging: boolean) {
    this.dragging = dragging
    this.host.requestUpdate()
  }
}
