import { readFileSync } from 'node:fs'
import { open, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { notUtf8, printable } from './read-text.ts'
import { basename, join } from 'node:path'
import { formatJson } from '../format/format.ts'
import { maxProblems, problemCount, validateDataset, type Problem } from '../validate/index.ts'
import { detectFormat, formatById, formatOfName, formats, isArrow, readFile as readFormat } from '../formats/registry.ts'
import { mappingFields } from '../formats/csv.ts'
import type { CsvMapping } from '../formats/format.ts'
import { stripBom } from '../validate/bom.ts'
import { LineIndex, scanJson } from '../validate/json-text.ts'
import { messageOf } from '../message-of.ts'

export interface Io {
  readFile: (path: string) => Promise<string>
  writeFile: (path: string, text: string) => Promise<void>
  readBytes: (path: string) => Promise<Uint8Array>
  /** A file's first bytes, to tell its format before reading it all; absent where files cannot be read in parts. */
  readHead?: (path: string, length: number) => Promise<Uint8Array>
  writeBytes: (path: string, bytes: Uint8Array) => Promise<void>
  /** The file names in a folder, or null when the path is not a folder. */
  listFolder: (path: string) => Promise<string[] | null>
  out: (line: string) => void
  err: (line: string) => void
}

/** A file that could be opened but not read as a dataset's text, and where in it. */
class UnreadableText extends Error {
  constructor(message: string, readonly line = 1, readonly column = 1) {
    super(message)
  }
}

/** The bytes of a regular file: a named pipe or a device would block the read, or never end it. */
async function bytesOf(path: string): Promise<Uint8Array> {
  const info = await stat(path)
  if (!info.isFile() && !info.isDirectory()) {
    const kind = info.isFIFO() ? 'a named pipe (FIFO)' : info.isSocket() ? 'a socket' : 'a device'
    throw new UnreadableText(`is ${kind}, not a file`)
  }
  return readFile(path)
}

const nodeIo: Io = {
  readFile: async (path) => {
    const bytes = await bytesOf(path)
    const wrong = notUtf8(bytes)
    if (wrong) throw new UnreadableText(wrong.message, wrong.line, wrong.column)
    return new TextDecoder().decode(bytes)
  },
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  readBytes: bytesOf,
  readHead: async (path, length) => {
    if (!(await stat(path)).isFile()) return new Uint8Array()
    const file = await open(path)
    try {
      const { bytes, bytesRead } = await file.read({ buffer: new Uint8Array(length) }).then((r) => ({ bytes: r.buffer, bytesRead: r.bytesRead }))
      return bytes.subarray(0, bytesRead)
    } finally {
      await file.close()
    }
  },
  writeBytes: (path, bytes) => writeFile(path, bytes),
  listFolder: async (path) => {
    const info = await stat(path).catch(() => null)
    return info?.isDirectory() ? readdir(path) : null
  },
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}

const validateHelp = `Usage: diplomatic-timeline validate [--format text|json] FILE...

Checks event dataset files against the schema, their dates and their references.
A folder stands for every .json dataset in it. JSON Schema files (*.schema.json) are skipped,
so "validate data/*.json" checks the datasets beside their schema.
Prints one line per problem as FILE:LINE:COL: message (past ${maxProblems} in a file, one line
says how many more from there on), then a summary; text from the files is printed with control
characters escaped (\\u001b), so that it cannot act on the terminal.
With --format json, prints one JSON document instead: {"ok", "files": [{"file", "ok",
"problemCount", "problems": [{"line", "column", "path", "message"}]}], "skipped": [FILE...]}.
A file that is not UTF-8 text (UTF-16 is named as such), or not a file at all (a named pipe),
is a problem at the place it breaks; it is not read.
Exit status: 0 when every file is valid, 1 when any problem is found, 2 on a usage error.`

const formatHelp = `Usage: diplomatic-timeline format [--check] FILE...

Re-indents JSON files (two spaces, LF line endings) in place, changing only white space:
key order, numbers, strings and x- fields stay as written. A file that is not JSON, or not
UTF-8 text, is left exactly as it is. With --check it changes nothing and exits 1 when a file
would change, for CI and pre-commit hooks.`

/** The formats, one line each: id, what it is, its file endings, whether it is read and written. */
const formatTable = () =>
  formats.map((f) => `  ${f.id.padEnd(17)}${`${f.label} (${f.extensions.join(', ')})`.padEnd(58)}${[f.reads && 'read', f.writes && 'write'].filter(Boolean).join(', ')}`).join('\n')

const convertHelp = `Usage: diplomatic-timeline convert [--from FORMAT] [--to FORMAT] [--map FIELD=COLUMN,...] IN OUT

Reads IN in any format the timeline reads, checks it as a dataset, and writes it to OUT in the
format its name asks for (or --to FORMAT). Nothing is written when IN has a problem; problems
are printed at their place in IN (a CSV's row and column, a JSON file's line and column).
Lines saying what was converted, and what OUT's format does not keep, are printed too.

Formats (--from, --to):
${formatTable()}
IN's format is told from its first bytes and name; --from overrides it. An ACLED export
converted to JSON is read and written in batches of rows, so memory stays bounded whatever
its size; its events are written one to a line (format indents them).

--map says which CSV column holds which field when the header does not say it by a usual
name; the fields: ${mappingFields.join(', ')}.
  diplomatic-timeline convert --map date=When,title=What events.csv events.json`

const help = { validate: validateHelp, format: formatHelp, convert: convertHelp }

export const usage = `Usage: diplomatic-timeline validate [--format text|json] FILE...
       diplomatic-timeline format [--check] FILE...
       diplomatic-timeline convert [--from FORMAT] [--to FORMAT] [--map FIELD=COLUMN,...] IN OUT
       diplomatic-timeline --version
       diplomatic-timeline COMMAND --help

${validateHelp.slice(validateHelp.indexOf('\n\n') + 2)}

format: ${formatHelp.slice(formatHelp.indexOf('\n\n') + 2)}

convert: ${convertHelp.slice(convertHelp.indexOf('\n\n') + 2)}`

/** The package's version, from its package.json. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function reason(error: unknown): string {
  if (error instanceof UnreadableText) return error.message
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory, not a file'
  if (code === 'EACCES') return 'permission denied'
  return messageOf(error)
}

/** Expands folders to the datasets (and, when asked, the schemas) they hold; `skip` hears of a schema named and left out. */
async function datasetsIn(paths: string[], io: Io, withSchemas = false, skip = (path: string) => io.out(`${path}: skipped, a JSON Schema rather than a dataset`)): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const names = await io.listFolder(path)
    if (names === null && path.endsWith('.schema.json') && !withSchemas) skip(path)
    else if (names === null) files.push(path)
    else files.push(...names.filter((n) => n.endsWith('.json') && (withSchemas || !n.endsWith('.schema.json'))).sort().map((n) => join(path, n)))
  }
  return files
}

/** The file's text, or the problem that kept it from being read. */
async function readText(file: string, io: Io): Promise<string | Problem> {
  try {
    return await io.readFile(file)
  } catch (error) {
    const [line, column] = error instanceof UnreadableText ? [error.line, error.column] : [1, 1]
    return { path: '', line, column, message: `cannot read the file: ${reason(error)}` }
  }
}

/** The file's text, or null after printing why it could not be read. */
async function readOrSay(file: string, io: Io): Promise<string | null> {
  const text = await readText(file, io)
  if (typeof text === 'string') return text
  io.out(`${file}:${text.line}:${text.column}: ${text.message}`)
  return null
}

/** What `validate --format json` says of a file. */
interface FileReport {
  file: string
  ok: boolean
  problemCount: number
  problems: Problem[]
}

async function validate(paths: string[], io: Io, json: boolean): Promise<number> {
  const skipped: string[] = []
  const files = await datasetsIn(paths, io, false, json ? (path) => void skipped.push(path) : undefined)
  const reports: FileReport[] = []
  for (const file of files) {
    const text = await readText(file, io)
    const result = typeof text === 'string' ? validateDataset(text) : { ok: false, problems: [text] }
    reports.push({ file, ok: result.ok, problemCount: problemCount(result.problems), problems: result.problems })
    if (!json) for (const p of result.problems) io.out(`${file}:${p.line}:${p.column}: ${p.message}`)
  }
  const ok = files.length > 0 && reports.every((r) => r.ok)
  if (json) {
    io.out(JSON.stringify({ ok, files: reports, skipped }))
    return ok ? 0 : 1
  }
  const bad = reports.filter((r) => !r.ok)
  const found = bad.reduce((sum, r) => sum + r.problemCount, 0)
  io.out(
    files.length === 0
      ? `no datasets (*.json) in ${paths.join(', ')}`
      : ok
        ? `${plural(files.length, 'file')} valid`
        : `${plural(found, 'problem')} in ${plural(bad.length, 'file')} (${plural(files.length, 'file')} checked)`,
  )
  return ok ? 0 : 1
}

async function formatFiles(paths: string[], check: boolean, io: Io): Promise<number> {
  const files = await datasetsIn(paths, io, true)
  let failed = 0
  let changed = 0
  for (const file of files) {
    const text = await readOrSay(file, io)
    if (text === null) {
      failed++
      continue
    }
    const body = stripBom(text)
    // A file that is not JSON is left exactly as it is: formatting would garble it, and nesting
    // too deep would overflow the formatter's recursion.
    const { syntax } = scanJson(body, new LineIndex(body))
    if (syntax) {
      io.out(`${file}:${syntax.line}:${syntax.column}: ${syntax.message} (not formatted)`)
      failed++
      continue
    }
    const formatted = formatJson(text)
    if (formatted === text) continue
    changed++
    if (check) io.out(`${file}: would be reformatted`)
    else {
      try {
        await io.writeFile(file, formatted)
        io.out(`${file}: formatted`)
      } catch (error) {
        io.out(`${file}:1:1: cannot write the file: ${reason(error)}`)
        failed++
      }
    }
  }
  const verb = check ? 'would be reformatted' : 'reformatted'
  io.out(`${plural(files.length, 'file')} checked: ${changed} ${verb}${failed ? `, ${failed} not formatted` : ''}`)
  return failed > 0 || (check && changed > 0) ? 1 : 0
}

/** What `convert` is asked: the files, the formats named (or null to tell them from the files) and a CSV's column mapping. */
interface ConvertOptions {
  input: string
  output: string
  from: string | null
  to: string | null
  mapping?: CsvMapping
}

/** Reads IN in its format, and writes it as OUT's format; prints the problems instead when there are any. */
async function convert({ input, output, from, to: named, mapping }: ConvertOptions, io: Io): Promise<number> {
  const to = named ? formatById(named) : formatOfName(output)
  if (!to?.writes) {
    const written = formats.filter((f) => f.writes).map((f) => `${f.id} (${f.extensions[0]})`).join(', ')
    io.err(named
      ? `diplomatic-timeline convert: cannot write ${named} files (formats written: ${written})`
      : `diplomatic-timeline convert: cannot tell the format of ${output} from its name (use one of ${written}, or --to FORMAT; see diplomatic-timeline convert --help)`)
    return 2
  }
  if (to.id === 'json' && (await readsInBatches(input, from, io))) return convertInBatches(input, output, io)
  let bytes: Uint8Array
  try {
    bytes = await io.readBytes(input)
  } catch (error) {
    io.out(`${input}:1:1: cannot read the file: ${reason(error)}`)
    return 1
  }
  const wrong = isArrow(bytes) ? null : notUtf8(bytes)
  if (wrong) {
    io.out(`${input}:${wrong.line}:${wrong.column}: cannot read the file: ${wrong.message}`)
    return 1
  }
  const result = await readFormat({ bytes, name: basename(input) }, { format: from ?? undefined, mapping })
  for (const note of result.notes) io.out(`${input}: ${note}`)
  for (const p of result.problems) io.out(`${input}:${p.line}:${p.column}: ${p.message}`)
  if (!result.ok) {
    io.out(`${plural(problemCount(result.problems), 'problem')} in ${input}: ${output} not written`)
    return 1
  }
  try {
    const codec = await to.load()
    const written = codec.write!(result.dataset)
    await (typeof written === 'string' ? io.writeFile(output, written) : io.writeBytes(output, written))
    for (const left of codec.lost?.(result.dataset) ?? []) io.out(`${output}: not kept: ${left}`)
  } catch (error) {
    io.out(`${output}:1:1: cannot write the file: ${reason(error)}`)
    return 1
  }
  io.out(`${input}: ${plural(result.dataset.events.length, 'event')} written to ${output}`)
  return 0
}

/** Whether IN is an ACLED export, which converts to JSON in batches of rows: memory stays bounded whatever its size. */
async function readsInBatches(input: string, from: string | null, io: Io): Promise<boolean> {
  if (from !== null || !io.readHead) return from === 'acled' && io.readHead !== undefined
  const head = await io.readHead(input, 4096).catch(() => null)
  return head !== null && detectFormat({ bytes: head, name: basename(input) }).id === 'acled'
}

async function convertInBatches(input: string, output: string, io: Io): Promise<number> {
  const { convertAcledInBatches } = await import('./convert-batches.ts')
  let report: Awaited<ReturnType<typeof convertAcledInBatches>>
  try {
    report = await convertAcledInBatches(input, output, basename(input))
  } catch (error) {
    io.out(`${input}:1:1: cannot read the file: ${reason(error)}`)
    return 1
  }
  for (const note of report.notes) io.out(`${input}: ${note}`)
  for (const p of report.problems) io.out(`${input}:${p.line}:${p.column}: ${p.message}`)
  if (report.problems.length > 0) {
    io.out(`${plural(problemCount(report.problems), 'problem')} in ${input}: ${output} not written`)
    return 1
  }
  io.out(`${input}: ${plural(report.events, 'event')} written to ${output}`)
  return 0
}

/** `--map date=event_date,title=Headline` (given once or several times) as a mapping, or the misuse to report. */
function mappingOf(specs: string[]): CsvMapping | string {
  const mapping: Record<string, string> = {}
  for (const pair of specs.flatMap((s) => s.split(','))) {
    const [field, column] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()]
    if (!pair.includes('=') || !column) return `--map takes FIELD=COLUMN pairs, not ${JSON.stringify(pair)}`
    if (!(mappingFields as string[]).includes(field)) return `--map: unknown field ${JSON.stringify(field)} (fields: ${mappingFields.join(', ')})`
    mapping[field] = column
  }
  return mapping
}

/** Runs the command line; resolves to the exit status. Never throws. */
export async function main(args: string[], raw: Io = nodeIo): Promise<number> {
  // Every line printed from here on has its control characters escaped: file names and text
  // from the files cannot act on the terminal or forge a line. The help texts are the CLI's own.
  const io: Io = { ...raw, out: (line) => raw.out(printable(line)), err: (line) => raw.err(printable(line)) }
  const [command, ...rest] = args
  const misuse = (message: string) => {
    raw.err(`diplomatic-timeline${command && command in help ? ` ${command}` : ''}: ${printable(message)}\n\n${command && command in help ? help[command as keyof typeof help] : usage}`)
    return 2
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    raw.out(usage)
    return 0
  }
  if (command === '--version' || command === '-v') {
    raw.out(version())
    return 0
  }
  if (command === undefined) return misuse('name a command')
  if (!(command in help)) return misuse(`unknown command ${JSON.stringify(command)}`)
  if (rest.includes('--help') || rest.includes('-h')) {
    raw.out(help[command as keyof typeof help])
    return 0
  }
  const run = async (work: () => Promise<number>) => {
    try {
      return await work()
    } catch (error) {
      io.err(`diplomatic-timeline: ${messageOf(error)}`)
      return 1
    }
  }
  if (command === 'format') {
    const check = rest.includes('--check')
    const files = rest.filter((a) => a !== '--check')
    const unknown = files.find((a) => a.startsWith('-') && a !== '-')
    if (unknown || files.length === 0) return misuse(unknown ? `unknown option ${unknown}` : 'name at least one FILE')
    return run(() => formatFiles(files, check, io))
  }
  if (command === 'convert') {
    const files: string[] = []
    const named: Record<'--from' | '--to' | '--map', string[]> = { '--from': [], '--to': [], '--map': [] }
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!
      const option = (['--from', '--to', '--map'] as const).find((o) => arg === o || arg.startsWith(`${o}=`))
      if (option) {
        const value = arg === option ? rest[++i] : arg.slice(option.length + 1)
        if (value === undefined || value === '') return misuse(`${option} needs a value`)
        named[option].push(value)
      } else if (arg.startsWith('-') && arg !== '-') return misuse(`unknown option ${arg}`)
      else files.push(arg)
    }
    if (files.length !== 2) return misuse('name one IN and one OUT file')
    const from = named['--from'].at(-1) ?? null
    if (from !== null && !formatById(from)?.reads) return misuse(`--from: cannot read ${from} files (formats read: ${formats.filter((f) => f.reads).map((f) => f.id).join(', ')})`)
    const mapping = named['--map'].length > 0 ? mappingOf(named['--map']) : undefined
    if (typeof mapping === 'string') return misuse(mapping)
    return run(() => convert({ input: files[0]!, output: files[1]!, from, to: named['--to'].at(-1) ?? null, mapping }, io))
  }
  // validate [--format text|json] FILE...
  let json = false
  const files: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    const given = arg === '--format' ? rest[++i] : arg.startsWith('--format=') ? arg.slice('--format='.length) : undefined
    if (arg === '--format' || arg.startsWith('--format=')) {
      if (given !== 'json' && given !== 'text') return misuse(`--format takes text or json, not ${given === undefined ? 'nothing' : JSON.stringify(given)}`)
      json = given === 'json'
    } else if (arg.startsWith('-') && arg !== '-') return misuse(`unknown option ${arg}`)
    else files.push(arg)
  }
  if (files.length === 0) return misuse('name at least one FILE')
  return run(() => validate(files, io, json))
}
