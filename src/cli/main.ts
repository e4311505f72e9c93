import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatJson } from '../format/format.ts'
import { maxProblems, problemCount, validateDataset, validateValue, type ValidationResult } from '../validate/index.ts'
import { detectFormat, Format, formatOfName } from '../formats/detect.ts'
import { stripBom } from '../validate/bom.ts'
import { LineIndex, scanJson } from '../validate/json-text.ts'
import { messageOf } from '../message-of.ts'

export interface Io {
  readFile: (path: string) => Promise<string>
  writeFile: (path: string, text: string) => Promise<void>
  readBytes: (path: string) => Promise<Uint8Array>
  writeBytes: (path: string, bytes: Uint8Array) => Promise<void>
  /** The file names in a folder, or null when the path is not a folder. */
  listFolder: (path: string) => Promise<string[] | null>
  out: (line: string) => void
  err: (line: string) => void
}

const nodeIo: Io = {
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  readBytes: (path) => readFile(path),
  writeBytes: (path, bytes) => writeFile(path, bytes),
  listFolder: async (path) => {
    const info = await stat(path).catch(() => null)
    return info?.isDirectory() ? readdir(path) : null
  },
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}

export const usage = `Usage: diplomatic-timeline validate FILE...
       diplomatic-timeline format [--check] FILE...
       diplomatic-timeline convert IN OUT

Checks event dataset files against the schema, their dates and their references.
A folder stands for every .json dataset in it. JSON Schema files (*.schema.json) are skipped,
so "validate data/*.json" checks the datasets beside their schema.
Prints one line per problem as FILE:LINE:COL: message (past ${maxProblems} in a file, one line
says how many more from there on), then a summary.
Exit status: 0 when every file is valid, 1 when any problem is found, 2 on a usage error.

format re-indents JSON files (two spaces, LF line endings) in place, changing only white space:
key order, numbers, strings and x- fields stay as written. With --check it changes nothing and
exits 1 when a file would change, for CI and pre-commit hooks.

convert validates IN (a dataset, as JSON or as Apache Arrow IPC) and writes it to OUT in the
format its name asks for: .arrow (also .arrows, .feather) for Arrow IPC, the columnar twin that
large datasets load from fast; .json for JSON. Nothing is written when IN has a problem.`

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function reason(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory, not a file'
  if (code === 'EACCES') return 'permission denied'
  return messageOf(error)
}

/** Expands folders to the datasets (and, when asked, the schemas) they hold. */
async function datasetsIn(paths: string[], io: Io, withSchemas = false): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const names = await io.listFolder(path)
    if (names === null && path.endsWith('.schema.json') && !withSchemas) io.out(`${path}: skipped, a JSON Schema rather than a dataset`)
    else if (names === null) files.push(path)
    else files.push(...names.filter((n) => n.endsWith('.json') && (withSchemas || !n.endsWith('.schema.json'))).sort().map((n) => join(path, n)))
  }
  return files
}

/** The file's text, or null after printing why it could not be read. */
async function readOrSay(file: string, io: Io): Promise<string | null> {
  try {
    return await io.readFile(file)
  } catch (error) {
    io.out(`${file}:1:1: cannot read the file: ${reason(error)}`)
    return null
  }
}

async function validate(paths: string[], io: Io): Promise<number> {
  const files = await datasetsIn(paths, io)
  if (files.length === 0) {
    io.out(`no datasets (*.json) in ${paths.join(', ')}`)
    return 1
  }
  let found = 0
  let badFiles = 0
  for (const file of files) {
    const text = await readOrSay(file, io)
    if (text === null) {
      found++, badFiles++
      continue
    }
    const result = validateDataset(text)
    for (const p of result.problems) io.out(`${file}:${p.line}:${p.column}: ${p.message}`)
    if (!result.ok) found += problemCount(result.problems), badFiles++
  }
  io.out(
    badFiles === 0
      ? `${plural(files.length, 'file')} valid`
      : `${plural(found, 'problem')} in ${plural(badFiles, 'file')} (${plural(files.length, 'file')} checked)`,
  )
  return badFiles === 0 ? 0 : 1
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

/** Validates IN and writes it as OUT's format; prints the problems instead when there are any. */
async function convert(input: string, output: string, io: Io): Promise<number> {
  const to = formatOfName(output)
  if (to === null) {
    io.err(`diplomatic-timeline convert: cannot tell the format of ${output} from its name (use .json or .arrow)\n\n${usage}`)
    return 2
  }
  let bytes: Uint8Array
  try {
    bytes = await io.readBytes(input)
  } catch (error) {
    io.out(`${input}:1:1: cannot read the file: ${reason(error)}`)
    return 1
  }
  let result: ValidationResult
  if (detectFormat(bytes) === Format.arrow) {
    const { arrowToDataset, readArrow } = await import('../formats/arrow.ts')
    try {
      result = validateValue(arrowToDataset(readArrow(bytes)))
    } catch (error) {
      io.out(`${input}:1:1: ${messageOf(error)}`)
      return 1
    }
  } else result = validateDataset(new TextDecoder().decode(bytes))
  for (const p of result.problems) io.out(`${input}:${p.line}:${p.column}: ${p.message}`)
  if (!result.ok) {
    io.out(`${plural(problemCount(result.problems), 'problem')} in ${input}: ${output} not written`)
    return 1
  }
  try {
    if (to === Format.arrow) await io.writeBytes(output, (await import('../formats/arrow.ts')).writeArrow(result.dataset))
    else await io.writeFile(output, JSON.stringify(result.dataset, null, 2) + '\n')
  } catch (error) {
    io.out(`${output}:1:1: cannot write the file: ${reason(error)}`)
    return 1
  }
  io.out(`${input}: ${plural(result.dataset.events.length, 'event')} written to ${output}`)
  return 0
}

/** Runs the command line; resolves to the exit status. Never throws. */
export async function main(args: string[], io: Io = nodeIo): Promise<number> {
  const [command, ...rest] = args
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(usage)
    return 0
  }
  if (command === 'format') {
    const check = rest.includes('--check')
    const files = rest.filter((a) => a !== '--check')
    const unknown = files.find((a) => a.startsWith('-') && a !== '-')
    if (unknown || files.length === 0) {
      io.err(`diplomatic-timeline format: ${unknown ? `unknown option ${unknown}` : 'name at least one FILE'}\n\n${usage}`)
      return 2
    }
    try {
      return await formatFiles(files, check, io)
    } catch (error) {
      io.err(`diplomatic-timeline: ${messageOf(error)}`)
      return 1
    }
  }
  if (command === 'convert') {
    const unknown = rest.find((a) => a.startsWith('-') && a !== '-')
    if (unknown || rest.length !== 2) {
      io.err(`diplomatic-timeline convert: ${unknown ? `unknown option ${unknown}` : 'name one IN and one OUT file'}\n\n${usage}`)
      return 2
    }
    try {
      return await convert(rest[0]!, rest[1]!, io)
    } catch (error) {
      io.err(`diplomatic-timeline: ${messageOf(error)}`)
      return 1
    }
  }
  if (command !== 'validate') {
    io.err(command === undefined ? usage : `diplomatic-timeline: unknown command ${JSON.stringify(command)}\n\n${usage}`)
    return 2
  }
  const options = rest.filter((a) => a.startsWith('-') && a !== '-')
  if (options.length > 0) {
    io.err(`diplomatic-timeline validate: unknown option ${options[0]}\n\n${usage}`)
    return 2
  }
  if (rest.length === 0) {
    io.err(`diplomatic-timeline validate: name at least one FILE\n\n${usage}`)
    return 2
  }
  try {
    return await validate(rest, io)
  } catch (error) {
    io.err(`diplomatic-timeline: ${messageOf(error)}`)
    return 1
  }
}
