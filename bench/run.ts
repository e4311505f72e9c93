import { readFileSync } from 'node:fs'
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright'
import { launchChromium } from '../test/chromium.ts'
import { build as viteBuild, preview, type PreviewServer } from 'vite'
import { aliases, compileHints } from '../vite.config.ts'
import { validateDataset } from '../src/validate/index.ts'
import { messageOf } from '../src/message-of.ts'
import { writeArrow } from '../src/formats/arrow.ts'
import type { BenchInteraction, BenchStats } from './api.ts'
import { syntheticDataset } from './synthetic.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = resolve(root, 'node_modules/.bench-dist')
const allSizes = [1000, 10_000, 100_000, 1_000_000] as const
type Size = (typeof allSizes)[number]

/**
 * How much is measured at each size, so that the whole bench ends within about a quarter of an
 * hour on two shared cores: how many first renders of the timeline on a cold, settled page, and in
 * each other condition (none: not timed), how many of each peer, and how many steps of wheel and
 * drag input (at 1,000,000 events, a frame of zoom takes seconds).
 */
const plans: Record<Size, { renders: number; otherRenders: number; peerRenders: number; inputSteps: number }> = {
  1000: { renders: 9, otherRenders: 5, peerRenders: 5, inputSteps: 40 },
  10_000: { renders: 9, otherRenders: 5, peerRenders: 3, inputSteps: 40 },
  100_000: { renders: 5, otherRenders: 0, peerRenders: 1, inputSteps: 40 },
  1_000_000: { renders: 1, otherRenders: 0, peerRenders: 1, inputSteps: 8 },
}

/** The budgets the figures are printed against. First renders are judged as ratios within the run: absolute times on a shared machine move 2× with load. */
const budgets = {
  /** The timeline's first render ÷ the reference element's, both on a cold, settled page. */
  vsReference: { 1000: 4, 10_000: 6, 100_000: 15 } as Partial<Record<Size, number>>,
  /** The first render at 1,000,000 events ÷ the one at 100,000. */
  millionVsHundredThousand: 10,
  /** The timeline's first render ÷ the faster peer's. */
  vsPeer: { 1000: [1, 3], 10_000: [1, 10], 100_000: [1, 40] } as Partial<Record<Size, [number, number]>>,
  frameP95: { 1000: 16.8, 10_000: 16.8, 100_000: 16.8, 1_000_000: 33.4 } as Record<Size, number>,
  longestTask: 50,
  /** JS heap after the first render − before the data was set, in MB. */
  heapGrowth: { 100_000: 50, 1_000_000: 300 } as Partial<Record<Size, number>>,
  bundleKB: 45,
}

/**
 * Time limits: past one, a figure reads "did not finish" and the bench goes on. A page builds its
 * dataset before anything is timed (1,000,000 events take about half a minute here).
 */
const limits = { load: 180_000, render: 90_000, inputStep: 15_000, gc: 30_000 }
const seconds = (ms: number) => `${ms / 1000} s`

/**
 * A second before a render: as between a reader's clicks, V8 finishes the optimised code it
 * compiles on another thread; on a fresh page, the page's own start-up work is done.
 */
const idleBetweenRenders = 1000
/**
 * When first renders are timed. On a page where the element has drawn nothing yet, its code
 * compiles as it first runs, as on a reader's first visit: at once after the page has loaded,
 * while the new page's own start-up work (its renderer, its first frame, the collection of the
 * dataset it made) still runs alongside, and once that page has settled for a second. Then after
 * one render of other data, and after five: by then V8 has optimised the code, as in a long
 * session or after data edits. js-framework-benchmark likewise times its operations after five
 * warm-up runs. Budgets, the heap and input are measured on the cold, settled page.
 */
const renderConditions = [
  { when: 'cold page, just loaded', warmUps: 0, idle: 0 },
  { when: 'cold page, settled', warmUps: 0, idle: idleBetweenRenders },
  { when: 'after 1 render', warmUps: 1, idle: idleBetweenRenders },
  { when: 'after 5 renders', warmUps: 5, idle: idleBetweenRenders },
] as const
type RenderCondition = (typeof renderConditions)[number]
const settled = renderConditions[1]

const benchFlags = [
  '--enable-precise-memory-info',
  // A forced GC before reading the heap makes the figure repeatable.
  '--js-flags=--expose-gc',
]

const installedVersion = (name: string) => (JSON.parse(readFileSync(resolve(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version

/** The timeline's peers, each drawing the same seeded events on its own page (bench/<page>.html). */
const peers = [
  { name: `vis-timeline ${installedVersion('vis-timeline')} (vis-data ${installedVersion('vis-data')})`, page: 'vis-timeline.html', marks: 'items' },
  { name: `timelines-chart ${installedVersion('timelines-chart')}`, page: 'timelines-chart.html', marks: 'segments' },
] as const

interface Row {
  figure: string
  n?: number
  /** null when there is no figure: `shown` says why. */
  value: number | null
  unit: string
  budget?: number
  /** The budget as printed, when not `≤ budget unit`. */
  budgetText?: string
  /** The true figure is below (<) or above (>) the value: a bound, where something did not finish. */
  bound?: '<' | '>'
  /** Printed instead of the value. */
  shown?: string
  note?: string
  /** Decimals shown; frame times need two, as rAF timestamps jitter around 16.67 ms. */
  digits?: number
}

const rows: Row[] = []
const breakages: string[] = []

const median = (values: number[]) => percentile(values, 50)
/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
const list = (values: number[]) => values.map((t) => t.toFixed(0)).join(', ')
const mb = (bytes: number) => bytes / 1024 / 1024

/** A step that ran past its time limit. */
class DidNotFinish extends Error {
  constructor(readonly limit: number, readonly what: string) {
    super(`${what} did not finish in ${seconds(limit)}`)
  }
}

/** `work`, or DidNotFinish once `limit` ms have passed without it. */
async function within<T>(limit: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new DidNotFinish(limit, what)), limit)))
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))))
    })
  })
}

/**
 * The synthetic datasets must be valid, or the bench would time the error path. Checked here up
 * to 100,000 events; 1,000,000 are more JSON than one string can hold, so the element's own
 * validation in the page checks that one (a problem stops the bench at that size).
 */
function checkDatasets(sizes: readonly Size[]) {
  for (const n of sizes.filter((s) => s <= 100_000)) {
    const result = validateDataset(JSON.stringify(syntheticDataset(n)))
    if (!result.ok) {
      const shown = result.problems.slice(0, 10).map((p) => `  ${p.path}: ${p.message}`).join('\n')
      throw new Error(`the synthetic dataset of ${n} events is invalid (${result.problems.length} problems):\n${shown}`)
    }
  }
}

/**
 * The element's bundle as `npm run build` writes it (vite.config.ts, mode element): what a page
 * loads before the first paint (the module and the chunks it imports), and the validation chunk
 * it fetches once data arrives. Sizes are of the minified files, gzipped at level 9.
 */
async function bundleSize() {
  const built = await viteBuild({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    mode: 'element',
    logLevel: 'warn',
    build: { write: false, reportCompressedSize: false },
  })
  const chunks = (Array.isArray(built) ? built : [built]).flatMap((b) => ('output' in b ? b.output : []))
    .filter((c): c is Extract<typeof c, { type: 'chunk' }> => c.type === 'chunk')
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const entry = chunks.find((c) => c.isEntry)
  if (!entry) throw new Error('the element build has no entry chunk')
  const initial = new Set<string>()
  const visit = (name: string) => {
    if (initial.has(name)) return
    initial.add(name)
    for (const i of byName.get(name)?.imports ?? []) visit(i)
  }
  visit(entry.fileName)
  const size = (names: string[]) => names.reduce((t, n) => {
    const code = Buffer.from(byName.get(n)!.code)
    return { min: t.min + code.length, gzip: t.gzip + gzipSync(code, { level: 9 }).length }
  }, { min: 0, gzip: 0 })
  const first = size([...initial])
  const laterNames = chunks.map((c) => c.fileName).filter((n) => !initial.has(n))
  const later = size(laterNames)
  rows.push({ figure: 'bundle before first paint', value: first.gzip / 1000, unit: 'kB', budget: budgets.bundleKB, note: `min + gzip; ${[...initial].join(' + ')}; ${first.min} B minified` })
  rows.push({ figure: 'chunks fetched after the first paint', value: later.gzip / 1000, unit: 'kB', note: `min + gzip; ${laterNames.join(' + ')}; ${later.min} B minified; the interaction chunk at once, validation with the data, the Arrow reader for Arrow files only` })
}

/** The timeline's, the reference element's and the peers' pages, in one build. */
async function buildPages() {
  // The project's vite.config.ts is left out: its build plugin copies data/ into dist/.
  await viteBuild({
    root,
    configFile: false,
    logLevel: 'warn',
    resolve: {
      alias: {
        ...aliases,
        // The element's stand-ins for d3-transition and d3-interpolate would break timelines-chart, which
        // animates and colours through them: it gets its own build, which carries its d3 inside.
        'timelines-chart': resolve(root, 'node_modules/timelines-chart/dist/timelines-chart.min.js'),
      },
    },
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      // vis-timeline's page, with moment, is over Vite's 500 kB warning; no page here is served over a network.
      chunkSizeWarningLimit: 1000,
      // Vite's preload helper would go above each chunk's first line, where V8's compile hint must be
      // (see compileHints in vite.config.ts): without it, the element's functions compile one by one
      // during the first render, which the element's own build (dist/) never does.
      modulePreload: false,
      rolldownOptions: {
        input: ['page.html', 'reference.html', ...peers.map((p) => p.page)].map((page) => resolve(root, 'bench', page)),
        output: compileHints,
      },
    },
  })
}

/** A fresh page at `path` (under bench/), once it can be timed; `label` names it in errors. */
async function openPage(browser: Browser, base: string, path: string, label: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
  page.setDefaultTimeout(limits.load)
  page.on('pageerror', (error) => breakages.push(`page error ${label}: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console error ${label}: ${message.text()}`)
  })
  try {
    await within(limits.load, 'loading the page', (async () => {
      await page.goto(`${base}bench/${path}`)
      await page.waitForFunction(() => typeof window.benchFirstRender === 'function')
    })())
  } catch (error) {
    await closePage(page)
    throw error
  }
  return page
}

/** Closes a page, even one whose main thread is stuck in a task that did not finish. */
async function closePage(page: Page | undefined) {
  await within(limits.gc, 'closing a page', page?.close() ?? Promise.resolve()).catch(() => {})
}

interface Timed {
  ms: number
  /** JS heap after the first render − before the data was set, both after a forced GC, in bytes; null when not read (a page just loaded). */
  heapGrowth: number | null
}

/**
 * benchFirstRender on `page`, limited in time. On a settled page the heap is read before (after a
 * forced GC, then the second of quiet) and after it (after a forced GC).
 */
async function timeFirstRender(page: Page, { idle }: RenderCondition): Promise<Timed> {
  const before = idle > 0 ? await within(limits.gc, 'a forced GC', page.evaluate(() => window.benchHeap!())) : null
  if (idle > 0) await page.waitForTimeout(idle)
  const ms = await within(limits.render, 'the first render', page.evaluate(() => window.benchFirstRender!()))
  const after = before === null ? null : await within(limits.gc, 'a forced GC', page.evaluate(() => window.benchHeap!()))
  return { ms, heapGrowth: before === null || after === null ? null : after - before }
}

async function stats(page: Page, n: number, when: string): Promise<BenchStats> {
  const result = await within(limits.gc, 'reading the page', page.evaluate(() => window.benchStats!()))
  if (result.alert !== null) throw new Error(`the element shows an error at n=${n} ${when}: ${result.alert}`)
  if (result.plot === null || result.plot.width < 100 || result.plot.height < 100) {
    throw new Error(`no visible plot at n=${n} ${when}: ${JSON.stringify(result.plot)}`)
  }
  return result
}

/** The row for a figure one of whose steps ran past its time limit (`note` follows its name); anything else that went wrong is thrown again. */
function unfinished(error: unknown, row: Omit<Row, 'value' | 'unit'> & { unit?: string }): Row {
  if (!(error instanceof DidNotFinish)) throw error
  return { unit: '', ...row, value: null, shown: `did not finish in ${seconds(error.limit)}`, note: [`${error.what} ran past the limit`, row.note].filter(Boolean).join('; ') }
}

interface RenderRuns {
  times: number[]
  updates: number[]
  validations: number[]
  heapGrowths: number[]
}

/**
 * First renders on fresh pages, each after drawing and validating other datasets there `warmUps`
 * times and waiting `idle` ms. The page of the last run is left open, for the input that follows.
 */
async function renderRuns(browser: Browser, base: string, n: Size, condition: RenderCondition, count: number): Promise<{ runs: RenderRuns; page: Page }> {
  const runs: RenderRuns = { times: [], updates: [], validations: [], heapGrowths: [] }
  let page: Page | undefined
  try {
    for (let run = 0; run < count; run++) {
      await closePage(page)
      page = undefined
      page = await openPage(browser, base, `page.html?n=${n}`, `at n=${n}`)
      for (let round = 0; round < condition.warmUps; round++) await within(limits.render, 'a warm-up render', page.evaluate((r) => window.benchWarmUp!(r), round))
      const timed = await timeFirstRender(page, condition)
      runs.times.push(timed.ms)
      if (timed.heapGrowth !== null) runs.heapGrowths.push(timed.heapGrowth)
      // How much of it is the element's update, before the browser draws. No helper functions inside:
      // tsx wraps them in a __name() call that does not exist in the page.
      runs.updates.push(await page.evaluate(() =>
        (performance.getEntriesByName('bench:update-complete').at(-1)?.startTime ?? NaN) -
        (performance.getEntriesByName('bench:start').at(-1)?.startTime ?? NaN)))
      await stats(page, n, 'after the first render')
      // The validation of each run, while the page is there; one that does not finish leaves the rest unmeasured.
      const validation = await within(limits.render, 'validation', page.evaluate(() => window.benchValidation!())).catch((error: unknown) => {
        if (error instanceof DidNotFinish) return null
        throw error
      })
      if (validation === null) continue
      if (validation.problems > 0) throw new Error(`the element found ${validation.problems} problems in the synthetic dataset of ${n} events`)
      runs.validations.push(validation.ms)
    }
  } catch (error) {
    await closePage(page)
    throw error
  }
  return { runs, page: page! }
}

/** What a cold page costs before the timeline does any work: the first render of a minimal Lit element (bench/reference.ts). Returns the settled figure. */
async function reference(browser: Browser, base: string): Promise<number> {
  let settledMs = NaN
  for (const condition of renderConditions.filter((c) => c.warmUps === 0)) {
    const times: number[] = []
    for (let run = 0; run < 9; run++) {
      const page = await openPage(browser, base, 'reference.html', 'on the reference page')
      try {
        times.push((await timeFirstRender(page, condition)).ms)
      } finally {
        await closePage(page)
      }
    }
    if (condition === settled) settledMs = median(times)
    rows.push({ figure: `reference: minimal element, ${condition.when}`, value: median(times), unit: 'ms', note: `median of ${list(times)}; a title, two buttons and six labels: the floor under the timeline's figure` })
  }
  return settledMs
}

/**
 * The files whose first render is measured through `src` too: the Arrow file large datasets come
 * in, read on the page, and the JSON file at 100,000 events, which the element reads in its worker.
 */
const srcFiles = [
  { format: 'Arrow', sizes: [100_000, 1_000_000] as readonly Size[], name: (n: Size) => `events-${n}.arrow`, type: 'application/vnd.apache.arrow.file', write: (n: Size) => writeArrow(syntheticDataset(n)) },
  { format: 'JSON', sizes: [100_000] as readonly Size[], name: (n: Size) => `events-${n}.json`, type: 'application/json', write: (n: Size) => new TextEncoder().encode(JSON.stringify(syntheticDataset(n))) },
] as const
type SrcFile = (typeof srcFiles)[number]

/**
 * Serves the files of the synthetic datasets (the Arrow ones as `diplomatic-timeline convert`
 * writes them) as a static file server does, with their length and no compression: Vite's
 * preview server gzips every answer as it sends it, which for 50 MB takes longer than reading
 * the file. Returns the URL the files are under, and the server.
 */
async function serveFiles(sizes: readonly Size[]): Promise<{ url: string; server: HttpServer }> {
  const files = new Map<string, { bytes: Uint8Array; type: string }>()
  for (const file of srcFiles) {
    for (const n of sizes.filter((s) => file.sizes.includes(s))) files.set(`/${file.name(n)}`, { bytes: file.write(n), type: file.type })
  }
  const server = createHttpServer((request, response) => {
    const file = files.get(request.url ?? '')
    if (!file) return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.length, 'access-control-allow-origin': '*' })
    response.end(file.bytes)
  })
  const port = await freePort()
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${port}/`, server }
}

/** The first render of the file at `n` events, named by `src`, on cold, settled pages, and the longest main-thread task from `src` to the check's end; null if it did not finish. */
async function measureFile(browser: Browser, base: string, files: string, file: SrcFile, n: Size): Promise<number | null> {
  const { format } = file
  const times: number[] = []
  const validations: number[] = []
  const longest: number[] = []
  try {
    for (let run = 0; run < plans[n].renders; run++) {
      const page = await openPage(browser, base, `page.html?n=${n}&src=${encodeURIComponent(files + file.name(n))}`, `with the ${format} file at n=${n}`)
      try {
        times.push((await timeFirstRender(page, settled)).ms)
        await stats(page, n, `after the first render from a ${format} file`)
        const validation = await within(limits.render, 'validation', page.evaluate(() => window.benchValidation!())).catch((error: unknown) => {
          if (error instanceof DidNotFinish) return null
          throw error
        })
        if (validation && validation.problems > 0) throw new Error(`the element found ${validation.problems} problems in the ${format} file of ${n} events`)
        if (validation) {
          validations.push(validation.ms)
          longest.push(Math.max(0, ...(await page.evaluate(() => window.benchLoadTasks!()))))
        }
      } finally {
        await closePage(page)
      }
    }
  } catch (error) {
    rows.push(unfinished(error, { figure: `first render from the ${format} file (src), cold page, settled`, n, unit: 'ms' }))
    return null
  }
  rows.push({ figure: `first render from the ${format} file (src), cold page, settled`, n, value: median(times), unit: 'ms', note: `median of ${list(times)}; fetch, read and draw` })
  if (validations.length < times.length) {
    rows.push({ figure: `validated from the ${format} file`, n, value: null, unit: 'ms', shown: `did not finish in ${seconds(limits.render)}`, note: `in ${times.length - validations.length} of ${times.length} runs` })
    return median(times)
  }
  rows.push({ figure: `validated from the ${format} file`, n, value: median(validations), unit: 'ms', note: `src set → validation settled; ${list(validations)}` })
  rows.push({ figure: `longest main-thread task, ${format} file from src to validated`, n, value: median(longest), unit: 'ms', budget: budgets.longestTask, note: `median of ${list(longest)} (PerformanceObserver, longtask)` })
  return median(times)
}

/** The timeline at `n` events: first renders, validation, heap and DOM, then zoom and pan. Returns its first render on a cold, settled page (null if it did not finish). */
async function measureTimeline(browser: Browser, base: string, n: Size): Promise<number | null> {
  const plan = plans[n]
  // The settled page is measured last, and input is given on it.
  const conditions = plan.otherRenders > 0 ? [...renderConditions.filter((c) => c !== settled), settled] : [settled]
  const measured = new Map<RenderCondition, Row[]>()
  let page: Page | undefined
  let settledMs: number | null = null
  for (const condition of conditions) {
    const { when } = condition
    let runs: RenderRuns
    try {
      ;({ runs, page } = await renderRuns(browser, base, n, condition, condition === settled ? plan.renders : plan.otherRenders))
    } catch (error) {
      measured.set(condition, [unfinished(error, { figure: `first render, ${when}`, n, unit: 'ms' })])
      continue
    }
    const conditionRows: Row[] = [{ figure: `first render, ${when}`, n, value: median(runs.times), unit: 'ms', note: `median of ${list(runs.times)}; until updateComplete ${median(runs.updates).toFixed(0)}` }]
    conditionRows.push(runs.validations.length === runs.times.length
      ? { figure: `validated, ${when}`, n, value: median(runs.validations), unit: 'ms', note: `data set → validation settled, in steps after the first paint; ${list(runs.validations)}` }
      : { figure: `validated, ${when}`, n, value: null, unit: 'ms', shown: `did not finish in ${seconds(limits.render)}`, note: `in ${runs.times.length - runs.validations.length} of ${runs.times.length} runs` })
    if (condition === settled) {
      settledMs = median(runs.times)
      const growth = median(runs.heapGrowths)
      const heapBudget = budgets.heapGrowth[n]
      conditionRows.push({ figure: 'JS heap growth, first render', n, value: mb(growth), unit: 'MB', ...(heapBudget === undefined ? {} : { budget: heapBudget }), note: `after the render − before the data was set, both after a forced GC; ${runs.heapGrowths.map((g) => mb(g).toFixed(1)).join(', ')}` })
    } else {
      await closePage(page)
      page = undefined
    }
    measured.set(condition, conditionRows)
  }
  for (const condition of renderConditions) rows.push(...(measured.get(condition) ?? []))
  if (!page) {
    // Without a settled first render there is nothing to zoom.
    for (const kind of ['zoom', 'pan']) rows.push({ figure: `${kind} frame p95`, n, value: null, unit: 'ms', shown: 'not measured', note: 'the first render did not finish' })
    return null
  }
  try {
    await interaction(page, n)
  } catch (error) {
    // The first renders stand; what broke is reported with the table.
    breakages.push(messageOf(error))
  } finally {
    await closePage(page)
  }
  return settledMs
}

/** Zoom and pan under real wheel and drag input, on the page of a cold, settled first render. */
async function interaction(page: Page, n: Size) {
  const after = await stats(page, n, 'after the first render')
  rows.push({ figure: 'DOM nodes in shadow root', n, value: after.domNodes, unit: '', note: after.heapBytes === null ? undefined : `JS heap ${mb(after.heapBytes).toFixed(1)} MB, whole page, dataset included` })
  const steps = plans[n].inputSteps
  const plot = after.plot!
  const centre = { x: plot.x + plot.width / 2, y: plot.y + Math.min(plot.height / 2, 300) }

  /** Frames and long tasks while `input` runs; each step of input has its time limit. */
  const record = async (kind: string, input: (step: <T>(what: string, action: Promise<T>) => Promise<T>) => Promise<void>) => {
    await page.evaluate(() => window.benchStartFrames!())
    try {
      await input((what, action) => within(limits.inputStep, what, action))
      const recorded = await within(limits.render, 'the last frame', page.evaluate(() => window.benchStopFrames!()))
      interactionRows(kind, n, recorded)
      return true
    } catch (error) {
      rows.push(unfinished(error, { figure: `${kind} frame p95`, n, unit: 'ms' }))
      return false
    }
  }

  await page.mouse.move(centre.x, centre.y)
  let zoomedAxis = ''
  const zoomed = await record('zoom', async (step) => {
    for (let i = 0; i < steps; i++) {
      if (i === steps / 2) zoomedAxis = await step('drawing the zoomed view', page.evaluate(() => window.benchAxis!()))
      await step('a wheel step', page.mouse.wheel(0, i < steps / 2 ? -100 : 100))
    }
  })
  if (!zoomed) return void rows.push({ figure: 'pan frame p95', n, value: null, unit: 'ms', shown: 'not measured', note: 'zooming did not finish' })
  if (zoomedAxis === after.axis) throw new Error(`zooming did not change the axis at n=${n}`)

  // Drag along the axis strip: a mousedown on a mark selects it instead of panning.
  const before = await stats(page, n, 'after zooming')
  const y = before.plot!.top + 8
  const [from, to] = [plot.x + plot.width * 0.8, plot.x + plot.width * 0.2]
  const panned = await record('pan', async (step) => {
    await step('moving to the axis', page.mouse.move(from, y))
    await step('pressing the button', page.mouse.down())
    for (let i = 1; i <= steps; i++) await step('a drag step', page.mouse.move(from + ((to - from) * i) / steps, y))
    await step('releasing the button', page.mouse.up())
  })
  if (panned && (await stats(page, n, 'after panning')).axis === before.axis) throw new Error(`panning did not change the axis at n=${n}`)
}

function interactionRows(kind: string, n: Size, { frames, longTasks }: BenchInteraction) {
  const budget = budgets.frameP95[n]
  // At 60 Hz a frame lasts 16.7 ms give or take timer jitter; a dropped frame shows as a gap of about 33 ms.
  const dropped = frames.filter((d) => d > 25).length
  const note = `${frames.length} frames, max ${Math.max(...frames).toFixed(1)} ms, ${frames.filter((d) => d > 16.8).length} over 16.8 ms, ${dropped} dropped (over 25 ms)`
  rows.push({ figure: `${kind} frame p50`, n, value: percentile(frames, 50), unit: 'ms', digits: 2, note })
  rows.push({ figure: `${kind} frame p95`, n, value: percentile(frames, 95), unit: 'ms', digits: 3, budget })
  const longest = Math.max(0, ...longTasks)
  rows.push({
    figure: `${kind}: longest main-thread task`, n, value: longest, unit: 'ms', budget: budgets.longestTask,
    ...(longTasks.length === 0 ? { shown: 'none over 50 ms' } : {}),
    note: `${longTasks.length} ${longTasks.length === 1 ? 'task' : 'tasks'} over 50 ms (PerformanceObserver, longtask)`,
  })
}

/**
 * A peer's first render of the same events on cold, settled pages, timed as the timeline's is.
 * Returns its median, or null when it did not finish.
 */
async function measurePeer(browser: Browser, base: string, peer: (typeof peers)[number], n: Size): Promise<number | null> {
  const figure = `peer: ${peer.name}, first render, cold page, settled`
  const times: number[] = []
  const growths: number[] = []
  let marks = 0
  for (let run = 0; run < plans[n].peerRenders; run++) {
    let page: Page | undefined
    try {
      page = await openPage(browser, base, `${peer.page}?n=${n}`, `of ${peer.name} at n=${n}`)
      const timed = await timeFirstRender(page, settled)
      times.push(timed.ms)
      if (timed.heapGrowth !== null) growths.push(timed.heapGrowth)
      marks = await page.evaluate(() => window.benchMarks!())
      if (marks === 0) throw new Error(`${peer.name} drew no ${peer.marks} at n=${n}`)
    } catch (error) {
      rows.push(unfinished(error, { figure, n, unit: 'ms', ...(n === allSizes.at(-1) ? {} : { note: 'not tried at larger sizes' }) }))
      return null
    } finally {
      await closePage(page)
    }
  }
  rows.push({ figure, n, value: median(times), unit: 'ms', note: `median of ${list(times)}; ${marks.toLocaleString('en')} ${peer.marks} drawn; JS heap growth ${mb(median(growths)).toFixed(1)} MB` })
  return median(times)
}

interface PeerTime {
  name: string
  /** Median first render; null when there is none, and `missing` says why. */
  ms: number | null
  missing?: 'did not finish' | 'skipped' | 'broke'
}

/** The first-render figures judged as ratios within this run. */
function ratioRows(n: Size, ours: number | null, referenceMs: number, peerTimes: PeerTime[], at100k: number | null) {
  const limit = limits.render
  const ratio = (figure: string, value: number | null, extra: Partial<Row>) => rows.push({ figure, n, value, unit: '×', digits: 2, note: 'cold, settled pages', ...extra })
  // A timeline that did not finish took longer than the limit: its ratios are lower bounds.
  const [oursAtLeast, lower] = ours === null ? [limit, { bound: '>' as const }] : [ours, {}]
  if (n === 1_000_000) {
    if (at100k !== null) ratio('first render ÷ first render at n=100,000', oursAtLeast / at100k, { ...lower, budget: budgets.millionVsHundredThousand })
  } else {
    const budget = budgets.vsReference[n]
    ratio('first render ÷ reference element', oursAtLeast / referenceMs, { ...lower, ...(budget === undefined ? {} : { budget }) })
  }

  const [num, den] = budgets.vsPeer[n] ?? []
  const budget = num === undefined || den === undefined ? {} : { budget: num / den, budgetText: `≤ ${num}/${den}` }
  const notes = peerTimes.filter((p) => p.missing).map((p) => `${p.name} ${p.missing === 'did not finish' ? `did not finish in ${seconds(limit)}` : p.missing}`)
  const finished = peerTimes.flatMap((p) => (p.ms === null ? [] : [{ name: p.name, ms: p.ms }]))
  const faster = finished.length > 0 ? finished.reduce((a, b) => (b.ms < a.ms ? b : a)) : undefined
  const figure = 'first render ÷ faster peer'
  if (ours === null) ratio(figure, null, { ...budget, shown: 'n/a', note: 'the timeline did not finish' })
  else if (faster) ratio(figure, ours / faster.ms, { ...budget, digits: 3, note: [`faster: ${faster.name}`, ...notes].join('; ') })
  // No peer drew within the limit (here or at a smaller size): the faster one took longer, so the ratio is below this.
  else if (peerTimes.every((p) => p.missing !== 'broke')) ratio(figure, ours / limit, { ...budget, digits: 3, bound: '<', note: notes.join('; ') })
  else ratio(figure, null, { ...budget, shown: 'n/a', note: notes.join('; ') })
}

function printTable() {
  const lines = rows.map((row) => {
    const printed = row.value === null ? null : row.value.toFixed(row.digits ?? (row.unit === '' ? 0 : 1))
    const value = row.shown ?? (printed === null ? 'n/a' : `${row.bound ?? ''}${printed}${row.unit ? ` ${row.unit}` : ''}`)
    const budget = row.budget === undefined ? '' : (row.budgetText ?? `≤ ${row.budget} ${row.unit}`)
    // Judged on the figure as printed: rAF timestamps come in steps of 0.1 ms, so a frame of
    // 16.8 ms can read as 16.800000000001 after subtraction. A bound decides only one way.
    const meets = printed !== null && Number(printed) <= (row.budget ?? NaN)
    const verdict = row.budget === undefined ? ''
      : printed === null ? 'n/a'
      : row.bound === '<' ? (meets ? 'PASS' : 'n/a')
      : row.bound === '>' ? (meets ? 'n/a' : 'FAIL')
      : meets ? 'PASS' : 'FAIL'
    return [row.figure, row.n === undefined ? '' : `n=${row.n.toLocaleString('en')}`, value, budget, verdict, row.note ?? '']
  })
  const header = ['figure', 'size', 'value', 'budget', 'result', 'note']
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  console.log(['', format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n'))
}

/** `npm run bench -- 100000 1000000` measures those sizes only. */
function chosenSizes(): Size[] {
  const asked = process.argv.slice(2).map(Number)
  const unknown = asked.filter((n) => !allSizes.includes(n as Size))
  if (unknown.length > 0) throw new Error(`no bench at ${unknown.join(', ')} events (sizes: ${allSizes.join(', ')})`)
  // Smallest first: 1,000,000 is judged against 100,000, and a peer that did not finish is not tried at larger sizes.
  return asked.length > 0 ? allSizes.filter((n) => asked.includes(n)) : [...allSizes]
}

async function main() {
  const started = Date.now()
  // Keeps a hung browser from holding CI for long; what was measured is printed all the same.
  const watchdog = setTimeout(() => {
    printTable()
    console.error('bench: gave up after 25 minutes')
    process.exit(2)
  }, 25 * 60_000)
  watchdog.unref()

  let server: PreviewServer | undefined
  let fileServer: { url: string; server: HttpServer } | undefined
  let browser: Browser | undefined
  try {
    const sizes = chosenSizes()
    checkDatasets(sizes)
    await bundleSize()
    await buildPages()
    fileServer = await serveFiles(sizes)
    server = await preview({
      root,
      configFile: false,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: await freePort(), strictPort: false, open: false },
    })
    const base = server.resolvedUrls?.local[0]
    if (!base) throw new Error('the preview server has no URL')
    browser = await launchChromium(benchFlags)
    const referenceMs = await reference(browser, base)
    /** A peer that did not finish at one size is not tried at larger ones. */
    const failed = new Set<string>()
    const firstRenders = new Map<Size, number | null>()
    const fileRenders = new Map<string, number | null>()
    for (const n of sizes) {
      /** undefined when the bench broke before the first render was measured. */
      let ours: number | null | undefined
      try {
        ours = await measureTimeline(browser, base, n)
      } catch (error) {
        breakages.push(messageOf(error))
      }
      firstRenders.set(n, ours ?? null)
      const peerTimes: PeerTime[] = []
      for (const peer of peers) {
        if (failed.has(peer.name)) {
          rows.push({ figure: `peer: ${peer.name}, first render, cold page, settled`, n, value: null, unit: 'ms', shown: 'skipped', note: 'failed at a smaller size' })
          peerTimes.push({ name: peer.name, ms: null, missing: 'skipped' })
          continue
        }
        try {
          const ms = await measurePeer(browser, base, peer, n)
          peerTimes.push(ms === null ? { name: peer.name, ms, missing: 'did not finish' } : { name: peer.name, ms })
        } catch (error) {
          breakages.push(messageOf(error))
          peerTimes.push({ name: peer.name, ms: null, missing: 'broke' })
        }
        if (peerTimes.at(-1)!.ms === null) failed.add(peer.name)
      }
      if (ours !== undefined) ratioRows(n, ours, referenceMs, peerTimes, firstRenders.get(100_000) ?? null)
      for (const file of srcFiles.filter((f) => f.sizes.includes(n))) {
        try {
          const ms = await measureFile(browser, base, fileServer.url, file, n)
          fileRenders.set(`${file.format} ${n}`, ms)
          const at100k = fileRenders.get(`${file.format} 100000`) ?? null
          if (ms !== null && n === 100_000) rows.push({ figure: `first render from the ${file.format} file ÷ reference element`, n, value: ms / referenceMs, unit: '×', digits: 2, budget: budgets.vsReference[n], note: 'cold, settled pages' })
          if (ms !== null && n === 1_000_000 && at100k !== null) rows.push({ figure: `first render from the ${file.format} file ÷ the same at n=100,000`, n, value: ms / at100k, unit: '×', digits: 2, budget: budgets.millionVsHundredThousand, note: 'cold, settled pages' })
        } catch (error) {
          breakages.push(messageOf(error))
        }
      }
    }
  } catch (error) {
    breakages.push(error instanceof Error ? (error.stack ?? error.message) : String(error))
  } finally {
    await browser?.close()
    await server?.close()
    fileServer?.server.close()
  }

  printTable()
  console.log(`\nbench: ${((Date.now() - started) / 60_000).toFixed(1)} minutes`)
  if (breakages.length > 0) {
    console.error(`\nbench broke:\n${breakages.map((b) => `  ${b}`).join('\n')}`)
    process.exitCode = 1
  }
}

await main()
