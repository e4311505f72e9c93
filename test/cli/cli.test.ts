import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { json, sampleDataset } from '../fixtures/dataset.ts'

const run = promisify(execFile)
const bin = new URL('../../src/cli/bin.mjs', import.meta.url).pathname
const acledFixture = new URL('../../../shared/fixtures/acled/acled-export-2010-12-31.csv', import.meta.url).pathname

/** Runs the real CLI as a user would; resolves with its exit code and output, never rejects. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

let dir: string
const file = (name: string) => join(dir, name)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dt-cli-'))
  const bad = sampleDataset() as unknown as { events: Array<Record<string, unknown>> }
  bad.events[1]!.status = 'planed'
  bad.events[0]!.titel = 'x'
  await Promise.all([
    writeFile(file('good.json'), json(sampleDataset())),
    writeFile(file('bad.json'), json(bad)),
    writeFile(file('syntax.json'), '{\n  "id": "a",\n}\n'),
    writeFile(file('many.json'), json({ ...sampleDataset(), relations: [], events: Array.from({ length: 1500 }, (_, i) => ({ ...sampleDataset().events[1]!, id: `e-${i}`, status: 'planed' })) })),
  ])
})

// Each case starts Node and tsx, which takes seconds on a loaded two-core machine.
describe('diplomatic-timeline validate', { timeout: 30_000 }, () => {
  it('exits 0 and says so when every file is valid', async () => {
    const result = await cli('validate', file('good.json'))
    expect(result).toEqual({ code: 0, stdout: '1 file valid\n', stderr: '' })
  })

  it('prints FILE:LINE:COL: message for each problem, a summary, and exits 1', async () => {
    const result = await cli('validate', file('good.json'), file('bad.json'), file('syntax.json'))
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toEqual([
      `${file('bad.json')}:75:7: unknown field "titel": did you mean "title"? (allowed: id, title, summary, kind, category, status, certainty, date, participants, location, fatalities, codes, evidence, tags, emphasis, or a custom field starting with "x-")`,
      `${file('bad.json')}:82:17: invalid status "planed" (expected one of occurred, ongoing, planned, postponed, cancelled): did you mean "planned"?`,
      `${file('syntax.json')}:3:1: JSON syntax error: trailing comma before "}"`,
      '3 problems in 2 files (3 files checked)',
    ])
    expect(result.stderr).toBe('')
  })

  it('prints the first thousand problems of a file, then how many more, and counts them all', async () => {
    const result = await cli('validate', file('many.json'))
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(1002)
    expect(lines.slice(0, 1000).every((line) => /:\d+:\d+: invalid status "planed"/.test(line))).toBe(true)
    expect(lines.slice(-2)).toEqual([expect.stringMatching(/^\S+many\.json:\d+:\d+: …and 500 more problems from here on, not listed$/), '1500 problems in 1 file (1 file checked)'])
  })

  it('reports an unreadable file as a problem, without a stack trace', async () => {
    const result = await cli('validate', file('missing.json'))
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(`${file('missing.json')}:1:1: cannot read the file: no such file\n1 problem in 1 file (1 file checked)\n`)
    expect(result.stderr).toBe('')
  })

  it('checks every dataset in a folder, skipping JSON Schema files', async () => {
    const result = await cli('validate', new URL('../../data', import.meta.url).pathname)
    expect(result).toMatchObject({ code: 0, stdout: '1 file valid\n' })
    const schema = new URL('../../data/event-dataset.schema.json', import.meta.url).pathname
    const dataset = new URL('../../data/syria-truce-2016-09.json', import.meta.url).pathname
    expect(await cli('validate', schema, dataset)).toMatchObject({ code: 0, stdout: `${schema}: skipped, a JSON Schema rather than a dataset\n1 file valid\n` })
    const empty = await mkdtemp(join(tmpdir(), 'dt-empty-'))
    expect(await cli('validate', empty)).toMatchObject({ code: 1, stdout: `no datasets (*.json) in ${empty}\n` })
  })

  it.each([[[]], [['validate']], [['lint', 'x.json']], [['validate', '--fix', 'x.json']]])('exits 2 with usage on a usage error: %j', async (args) => {
    const result = await cli(...args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Usage: diplomatic-timeline validate [--format text|json] FILE...')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('prints help and exits 0 for --help', async () => {
    const result = await cli('--help')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Exit status: 0 when every file is valid')
  })
})

describe('diplomatic-timeline format', { timeout: 30_000 }, () => {
  const messy = '{"id":"x",  "x-n": 1.50,\r\n"x-keys": {"b": 1, "10": 2, "a": "\\u00e9"}, "list":[1,2e3]}'

  it('re-indents in place, changing only white space and line endings', async () => {
    await writeFile(file('messy.json'), messy)
    const result = await cli('format', file('messy.json'))
    expect(result).toMatchObject({ code: 0, stdout: `${file('messy.json')}: formatted\n1 file checked: 1 reformatted\n` })
    const text = await readFile(file('messy.json'), 'utf8')
    expect(text).toBe('{\n  "id": "x",\n  "x-n": 1.50,\n  "x-keys": {\n    "b": 1,\n    "10": 2,\n    "a": "\\u00e9"\n  },\n  "list": [\n    1,\n    2e3\n  ]\n}\n')
    expect(text.replace(/\s/g, '')).toBe(messy.replace(/\s/g, ''))
    expect(await cli('format', '--check', file('messy.json'))).toMatchObject({ code: 0 })
  })

  it('with --check, changes nothing and exits 1 when a file would change', async () => {
    await writeFile(file('check.json'), messy)
    const result = await cli('format', '--check', file('check.json'))
    expect(result).toMatchObject({ code: 1, stdout: `${file('check.json')}: would be reformatted\n1 file checked: 1 would be reformatted\n` })
    expect(await readFile(file('check.json'), 'utf8')).toBe(messy)
  })

  it('leaves a file that is not valid JSON untouched and says where it breaks', async () => {
    await writeFile(file('broken.json'), '{\n  "a": 1,\n}')
    const result = await cli('format', file('broken.json'))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${file('broken.json')}:3:1: JSON syntax error: trailing comma before "}" (not formatted)`)
    expect(await readFile(file('broken.json'), 'utf8')).toBe('{\n  "a": 1,\n}')
  })

  it('leaves an empty file as it is and says so', async () => {
    await writeFile(file('empty.json'), ' \n')
    const result = await cli('format', file('empty.json'))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${file('empty.json')}:1:1: the file is empty: expected a JSON object (not formatted)`)
    expect(await readFile(file('empty.json'), 'utf8')).toBe(' \n')
  })

  it('refuses a file nested too deep to be a dataset, and goes on with the next', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    await writeFile(file('deep.json'), deep)
    await writeFile(file('after.json'), messy)
    const result = await cli('format', '--check', file('deep.json'), file('after.json'))
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(`${file('deep.json')}:1:257: nesting deeper than 256 levels: this is not an event dataset (not formatted)\n${file('after.json')}: would be reformatted\n2 files checked: 1 would be reformatted, 1 not formatted\n`)
  })

  it('exits 2 on a usage error', async () => {
    expect((await cli('format')).code).toBe(2)
    expect((await cli('format', '--fix', 'a.json')).code).toBe(2)
  })
})

describe('diplomatic-timeline convert', { timeout: 30_000 }, () => {
  it('writes a valid dataset as Arrow and back to the same JSON', async () => {
    const toArrow = await cli('convert', file('good.json'), file('good.arrow'))
    expect(toArrow).toMatchObject({ code: 0, stdout: `${file('good.json')}: 2 events written to ${file('good.arrow')}\n` })
    expect((await readFile(file('good.arrow'))).subarray(0, 6).toString('latin1')).toBe('ARROW1')
    expect((await cli('convert', file('good.arrow'), file('again.json'))).code).toBe(0)
    expect(JSON.parse(await readFile(file('again.json'), 'utf8'))).toEqual(sampleDataset())
    // What it writes is a dataset the validator accepts.
    expect((await cli('validate', file('again.json'))).code).toBe(0)
  })

  it('writes a dataset as CSV for a spreadsheet, one row per event', async () => {
    const result = await cli('convert', file('good.json'), file('good.csv'))
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^${file('good.csv')}: not kept: relations, .*\n${file('good.json')}: 2 events written to ${file('good.csv')}\n$`))
    const csv = await readFile(file('good.csv'), 'utf8')
    expect(csv.startsWith('\ufeffid,title,start,end,date,')).toBe(true)
    expect(csv.trimEnd().split('\r\n')).toHaveLength(3)
  })

  it('writes nothing from a dataset with problems, and lists them', async () => {
    const result = await cli('convert', file('bad.json'), file('bad.arrow'))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${file('bad.json')}:`)
    expect(result.stdout).toMatch(/invalid status "planed"/)
    expect(result.stdout).toContain(`bad.arrow not written`)
    await expect(readFile(file('bad.arrow'))).rejects.toThrow(/ENOENT/)
  })

  it('reads a spreadsheet\'s CSV through a column mapping, and says what it converted', async () => {
    await writeFile(file('sheet.csv'), 'When,What,Desk\r\n19 September 2016,Convoy hit,Beirut\r\n')
    const result = await cli('convert', '--map', 'date=When', '--map=title=What', file('sheet.csv'), file('sheet.json'))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`${file('sheet.csv')}: 1 event from 1 row; columns read: date ← When, title ← What\n`)
    expect(result.stdout).toContain(`${file('sheet.csv')}: kept on each event under x-csv, not drawn: Desk\n`)
    const written = JSON.parse(await readFile(file('sheet.json'), 'utf8')) as { events: Array<{ id: string; date: { edtf: string } }> }
    expect(written.events.map((e) => [e.id, e.date.edtf])).toEqual([['convoy-hit', '2016-09-19']])
    // --from and --to name formats the files' names do not.
    await writeFile(file('sheet.txt'), 'date,title\n2016-09-19,A\n')
    expect((await cli('convert', '--from', 'csv', '--to', 'arrow', file('sheet.txt'), file('sheet.bin'))).code).toBe(0)
    expect((await readFile(file('sheet.bin'))).subarray(0, 6).toString('latin1')).toBe('ARROW1')
  })

  it.skipIf(!existsSync(acledFixture))('converts an ACLED export to JSON (in batches) and on to a calendar, saying what each leaves out', async () => {
    const toJson = await cli('convert', acledFixture, file('acled.json'))
    expect(toJson.code).toBe(0)
    expect(toJson.stdout).toContain(`${acledFixture}: 5 events from 5 rows of an ACLED export\n`)
    expect(toJson.stdout).toContain(`${acledFixture}: 5 events written to ${file('acled.json')}\n`)
    const toCalendar = await cli('convert', file('acled.json'), file('acled.ics'))
    expect(toCalendar.code).toBe(0)
    expect(toCalendar.stdout).toContain(`${file('acled.ics')}: not kept: `)
    expect((await readFile(file('acled.ics'), 'utf8')).match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(5)
  })

  it('points at the CSV row and column of a problem, and writes nothing', async () => {
    await writeFile(file('bad.csv'), 'date,title\n2016-09-19,A\n"someday\nsoon",B\n')
    const result = await cli('convert', file('bad.csv'), file('bad-csv.json'))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${file('bad.csv')}:3:1: row 3, column date: invalid EDTF date "someday\\u000asoon"`)
    await expect(readFile(file('bad-csv.json'))).rejects.toThrow(/ENOENT/)
  })

  it('refuses a mapping, a format or an option it does not know, with the ones it knows', async () => {
    const field = await cli('convert', '--map', 'when=Date', file('sheet.csv'), file('x.json'))
    expect(field.code).toBe(2)
    expect(field.stderr).toContain('--map: unknown field "when" (fields: id, date, end, dateText, title,')
    expect((await cli('convert', '--map', 'date', file('sheet.csv'), file('x.json'))).stderr).toContain('--map takes FIELD=COLUMN pairs, not "date"')
    expect((await cli('convert', '--from', 'docx', file('sheet.csv'), file('x.json'))).stderr).toMatch(/--from: cannot read docx files \(formats read: arrow, json, timelinejs, timelinejs-sheet, acled, csv/)
    expect((await cli('convert', '--to', 'docx', file('sheet.csv'), file('x.json'))).stderr).toMatch(/cannot write docx files \(formats written: arrow \(\.arrow\), json \(\.json\), timelinejs \(\.json\), csv \(\.csv\), ical \(\.ics\), jsonld \(\.jsonld\)/)
    expect((await cli('convert', '--to', file('sheet.csv'), file('x.json'))).stderr).toContain('name one IN and one OUT file')
  })

  it('refuses an output name that names no format, and a wrong number of files', async () => {
    const named = await cli('convert', file('good.json'), file('good.txt'))
    expect(named.code).toBe(2)
    expect(named.stderr).toContain('cannot tell the format of')
    expect((await cli('convert', file('good.json'))).code).toBe(2)
  })
})

describe('the CLI and what it prints', { timeout: 30_000 }, () => {
  it('says its version, and each command\'s help', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    const validate = await cli('validate', '--help')
    expect(validate.code).toBe(0)
    expect(validate.stdout).toMatch(/^Usage: diplomatic-timeline validate \[--format text\|json\] FILE\.\.\./)
    expect(validate.stdout).not.toContain('convert')
    expect((await cli('format', '--help')).stdout).toMatch(/^Usage: diplomatic-timeline format \[--check\] FILE\.\.\./)
    expect((await cli('convert', '-h')).stdout).toMatch(/^Usage: diplomatic-timeline convert \[--from FORMAT\] \[--to FORMAT\] \[--map FIELD=COLUMN,\.\.\.\] IN OUT\n[^]*\n  csv +CSV \(spreadsheet\) \(\.csv\) +read, write\n/)
  })

  it('prints the problems as one JSON document with --format json', async () => {
    const result = await cli('validate', '--format', 'json', file('good.json'), file('bad.json'), file('missing.json'))
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as { ok: boolean; files: Array<{ file: string; ok: boolean; problemCount: number; problems: Array<{ line: number; column: number; message: string }> }>; skipped: string[] }
    expect(report.ok).toBe(false)
    expect(report.files.map((f) => [f.file, f.ok])).toEqual([[file('good.json'), true], [file('bad.json'), false], [file('missing.json'), false]])
    expect(report.files[1]!.problems.some((p) => /invalid status "planed"/.test(p.message) && p.line > 1)).toBe(true)
    expect(report.files[1]!.problemCount).toBe(report.files[1]!.problems.length)
    expect(report.files[2]!.problems).toEqual([{ path: '', line: 1, column: 1, message: 'cannot read the file: no such file' }])
    expect(JSON.parse((await cli('validate', '--format=json', file('good.json'))).stdout)).toEqual({ ok: true, files: [{ file: file('good.json'), ok: true, problemCount: 0, problems: [] }], skipped: [] })
    expect((await cli('validate', '--format', 'yaml', file('good.json'))).code).toBe(2)
  })

  it('escapes control characters from a file and from its name, so they cannot drive the terminal or forge a line', async () => {
    const data = sampleDataset()
    data.events[0]!.date.edtf = '\u001b[2J\u001b]0;owned\u0007\r\ndata/other.json:1:1: forged problem'
    const name = file('evil\u001b[31m\nname.json')
    await writeFile(name, json(data))
    const result = await cli('validate', name)
    expect(result.code).toBe(1)
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines.at(-1)).toMatch(/^\d+ problems? in 1 file \(1 file checked\)$/)
    expect(lines.slice(0, -1).every((line) => line.startsWith(file('evil\\u001b[31m\\u000aname.json:')))).toBe(true)
    expect(result.stdout).toContain('"\\u001b[2J\\u001b]0;owned\\u0007\\u000d\\u000adata/other.json:1:1: fo')
  })

  it('refuses a file that is not UTF-8 text, saying where, and leaves it as it is', async () => {
    const good = Buffer.from(json(sampleDataset()).replace('"Sample"', '"Sampl\u00e9   "'))
    const at = good.indexOf(0xc3)
    const latin1 = Buffer.concat([good.subarray(0, at), Buffer.from([0xe9]), good.subarray(at + 2)])
    await writeFile(file('latin1.json'), latin1)
    const validated = await cli('validate', file('latin1.json'))
    expect(validated.code).toBe(1)
    expect(validated.stdout).toMatch(new RegExp(`latin1\\.json:\\d+:\\d+: cannot read the file: the bytes at offset ${at} \\(e9 20 20 20\\) are not UTF-8 text`))
    const formatted = await cli('format', file('latin1.json'))
    expect(formatted.code).toBe(1)
    expect(await readFile(file('latin1.json'))).toEqual(latin1)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(sampleDataset()), 'utf16le')])
    await writeFile(file('utf16.json'), utf16)
    expect((await cli('validate', file('utf16.json'))).stdout).toContain('utf16.json:1:1: cannot read the file: the file is UTF-16 (little-endian) text, not UTF-8')
    expect((await cli('format', file('utf16.json'))).code).toBe(1)
    expect(await readFile(file('utf16.json'))).toEqual(utf16)
    const converted = await cli('convert', file('latin1.json'), file('latin1.arrow'))
    expect(converted.code).toBe(1)
    expect(converted.stdout).toContain('are not UTF-8 text')
  })

  it('refuses a named pipe rather than waiting on it forever', async () => {
    await run('mkfifo', [file('pipe.json')])
    const result = await cli('validate', file('pipe.json'))
    expect(result).toMatchObject({ code: 1, stdout: `${file('pipe.json')}:1:1: cannot read the file: is a named pipe (FIFO), not a file\n1 problem in 1 file (1 file checked)\n` })
    expect((await cli('format', file('pipe.json'))).code).toBe(1)
    expect((await cli('convert', file('pipe.json'), file('pipe.arrow'))).code).toBe(1)
  })
})
