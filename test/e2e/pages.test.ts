import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright'
import { syntheticDataset } from '../../bench/synthetic.ts'
import { trustedTypesPolicy, workerThreshold } from '../../components/controllers/file-worker.ts'
import { launchChromium } from '../chromium.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// These build the site and drive a real browser: run them once, not in every time zone.
const once = process.env.TZ === 'America/Los_Angeles'
const project = new URL('../..', import.meta.url).pathname
const dist = join(project, 'dist')

/** The strictest policy an embedding page is likely to set: no inline code, no eval, Trusted Types enforced. */
const strictPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ')

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' }

/** Files the server answers with 404 although they exist, as when a page's owner forgot to copy them. */
const missing = new Set<string>()
/** Every path asked of the server. */
const requested: string[] = []
/** A dataset past the size the element reads in a worker, at /large.json. */
const large = JSON.stringify(syntheticDataset(4500, 5))

/** Serves dist/ and this folder's pages; the one-script page gets the strict policy. */
function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    requested.push(path)
    if (missing.has(path)) return void response.writeHead(404).end('not found')
    if (path === '/large.json') return void response.writeHead(200, { 'content-type': types['.json']! }).end(large)
    const file = [join(__dirname, path), join(dist, path === '/' ? 'index.html' : path)].find((f) => f.startsWith(project) && existsSync(f) && extname(f))
    if (path === '/favicon.ico') return void response.writeHead(204).end()
    if (!file) return void response.writeHead(404).end('not found')
    const headers: Record<string, string> = { 'content-type': types[extname(file)] ?? 'application/octet-stream' }
    if (file.endsWith('one-script.html')) headers['content-security-policy'] = strictPolicy
    // The element's worker is let through by a Trusted Types policy of its own.
    if (file.endsWith('large.html')) headers['content-security-policy'] = `${strictPolicy} ${trustedTypesPolicy}`
    response.writeHead(200, headers).end(readFileSync(file))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

let server: Server
let browser: Browser
let base: string

beforeAll(async () => {
  if (!once) return
  await promisify(execFile)('npm', ['run', 'build'], { cwd: project })
  server = await serve()
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  server?.close()
})

/** Opens a page, collecting errors and CSP violations. */
async function open(path: string, drawn = 'diplomatic-timeline [data-event-id="convoy-attack"]'): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`),
    ),
  )
  await page.goto(base + path)
  await page.locator(drawn).first().waitFor()
  return { page, problems }
}

// Each test drives a real browser, several audits in some: slower than a unit test, above all under load.
describe.runIf(once)('the built element on real pages', () => {
  it('works from one script tag on a page with a strict CSP and Trusted Types enforced', async () => {
    const { page, problems } = await open('/one-script.html#event=convoy-attack')
    await page.locator('diplomatic-timeline [part="details"]').waitFor()
    expect(await page.locator('diplomatic-timeline [part="details"] h3').textContent()).toContain('convoy')
    await page.locator('diplomatic-timeline [data-event-id="kirby-statement"]').first().click()
    expect(await page.evaluate(() => location.hash)).toBe('#event=kirby-statement')
    const ticks = () => page.locator('diplomatic-timeline .tick text').allTextContents()
    const plot = (await page.locator('diplomatic-timeline svg.plot').boundingBox())!
    const before = await ticks()
    await page.mouse.move(plot.x + plot.width / 2, plot.y + 12)
    await page.mouse.wheel(0, -400)
    await expect.poll(ticks).not.toEqual(before)
    const zoomed = await ticks()
    // Drag along the axis strip, clear of the marks.
    await page.mouse.down()
    await page.mouse.move(plot.x + plot.width / 2 - 300, plot.y + 12, { steps: 10 })
    await page.mouse.up()
    await expect.poll(ticks).not.toEqual(zoomed)
    // Brushing a stretch of the overview strip shows that stretch.
    const panned = await ticks()
    const overview = (await page.locator('diplomatic-timeline svg.overview').boundingBox())!
    await page.mouse.move(overview.x + overview.width * 0.1, overview.y + overview.height / 2)
    await page.mouse.down()
    await page.mouse.move(overview.x + overview.width * 0.3, overview.y + overview.height / 2, { steps: 8 })
    await page.mouse.up()
    await expect.poll(ticks).not.toEqual(panned)
    // The strip spans the weeks around the truce: a tenth to three tenths into it is early September.
    expect(await page.locator('diplomatic-timeline .window').textContent()).toMatch(/^ · (\d+ Aug – )?[1-9](–[1-9])? Sep 2016$/)
    await page.locator('diplomatic-timeline input[type="search"]').fill('convoy')
    expect(await page.locator('diplomatic-timeline .shown [aria-live]').textContent()).toMatch(/^\d+ of 20 events shown$/)
    expect(problems).toEqual([])
    await page.close()
  }, 30_000)

  it('reads a large file in its worker, fetched from the element\'s folder, under the strict CSP', async () => {
    expect(large.length).toBeGreaterThan(workerThreshold)
    const { page, problems } = await open('/large.html', 'diplomatic-timeline svg.plot')
    const count = page.locator('diplomatic-timeline .shown [aria-live]')
    await expect.poll(() => count.textContent()).toBe('4500 of 4500 events shown')
    expect(await page.locator('diplomatic-timeline').evaluate((el) => (el as HTMLElement & { validation: Promise<unknown[]> }).validation)).toEqual([])
    expect(requested, requested.join(' ')).toContain('/diplomatic-timeline-worker.js')
    expect(problems).toEqual([])
    await page.close()
  }, 30_000)

  it('builds the element with V8\'s compile hint at the top of each file it loads first, not of the validation chunk, and without colour parsing', () => {
    const read = (file: string) => readFileSync(join(dist, file), 'utf8')
    // The element and every file it imports, statically and so on: what loads before the first paint.
    const loaded = new Set(['diplomatic-timeline.js'])
    for (const file of loaded) {
      for (const m of read(file).matchAll(/\b(?:from|import)\s*"\.\/([^"]+)"/g)) loaded.add(m[1]!)
    }
    expect(loaded.size).toBeGreaterThan(1)
    expect(loaded.has('diplomatic-timeline-validate.js')).toBe(false)
    for (const file of loaded) expect(read(file).split('\n', 1)[0], file).toBe('//# allFunctionsCalledOnLoad')
    expect(readFileSync(join(dist, 'diplomatic-timeline-validate.js'), 'utf8')).not.toContain('allFunctionsCalledOnLoad')
    // Nor does what loads first carry code the element never runs: d3-color's names of colours.
    const code = [...loaded].map(read).join('\n')
    expect(code).toContain('timeline-range-change')
    expect(code).not.toContain('aliceblue')
  })

  it('draws the data and says why it cannot check it when the validation chunk is missing', async () => {
    missing.add('/diplomatic-timeline-validate.js')
    try {
      const { page, problems } = await open('/one-script.html')
      const alert = page.locator('diplomatic-timeline [role="alert"]')
      await alert.waitFor()
      expect(await alert.textContent()).toMatch(/Could not check the timeline data in .*syria-truce-2016-09\.json.*the validator did not load/s)
      // A failure of the whole load has no place in the file to point to.
      expect(await alert.textContent()).not.toMatch(/line \d+, column \d+/)
      expect(await page.locator('diplomatic-timeline svg.plot [data-event-id]').count()).toBeGreaterThan(10)
      // The failed module load is logged by the browser; nothing else goes wrong.
      expect(problems.filter((p) => !/404|Failed to load/.test(p))).toEqual([])
      await page.close()
    } finally {
      missing.clear()
    }
  }, 30_000)

  const auditor = async (page: Page) => {
    await page.addScriptTag({ content: readFileSync(join(project, 'node_modules/axe-core/axe.min.js'), 'utf8') })
    return () =>
      page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ html: string }> }> }> } }).axe.run({ resultTypes: ['violations'] })
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.html.slice(0, 160)}`)
      })
  }

  it('gives axe no serious or critical violation on the demo page, in the plot and in the list view, light and dark', async () => {
    const { page, problems } = await open('/')
    const audit = await auditor(page)
    expect(await audit()).toEqual([])
    await page.locator('diplomatic-timeline [data-event-id="convoy-attack"]').first().click()
    await page.locator('diplomatic-timeline button[aria-pressed]', { hasText: 'List' }).click()
    expect(await audit()).toEqual([])
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await audit()).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  }, 30_000)

  it('gives axe no serious or critical violation on a phone with the demo in Arabic (right to left) and in French, the filters open and an event selected', async () => {
    for (const locale of ['ar', 'fr']) {
      const { page, problems } = await open(`/?locale=${locale}`)
      await page.setViewportSize({ width: 375, height: 700 })
      // The page turns right to left for Arabic, and the element speaks the language once its words have arrived.
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr')
      await page.waitForFunction(() => document.querySelector('diplomatic-timeline')!.shadowRoot!.querySelector('input[type="search"]')?.getAttribute('placeholder') !== 'Search events')
      const audit = await auditor(page)
      expect(await audit()).toEqual([])
      await page.locator('diplomatic-timeline .fold > summary').click()
      await page.locator('diplomatic-timeline [data-event-id="convoy-attack"]').first().click()
      await page.locator('diplomatic-timeline [part="details"]').waitFor()
      expect(await audit()).toEqual([])
      await page.emulateMedia({ colorScheme: 'dark' })
      expect(await audit()).toEqual([])
      expect(problems).toEqual([])
      await page.close()
    }
  }, 60_000)

  it('prints the timeline, its filters and the selected event\'s details, without controls, in light colours, on one page', async () => {
    const { page, problems } = await open('/#event=convoy-attack&status=occurred')
    await page.locator('diplomatic-timeline [part="details"] h3').waitFor()
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    const timeline = page.locator('diplomatic-timeline')
    const shown = (selector: string) => timeline.locator(selector).first().evaluate((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0)
    for (const control of ['.controls', 'svg.overview', 'select', 'button.chip[aria-pressed="false"]']) expect(await shown(control), control).toBe(false)
    for (const part of ['.toolbar h2', 'button.chip[aria-pressed="true"]', 'svg.plot', '[part="details"]', '.shown']) expect(await shown(part), part).toBe(true)
    expect(await timeline.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)')
    // Chromium's PDF of the page, as a reader's print gives it: one A4 page.
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1)
    expect(problems).toEqual([])
    await page.close()
  }, 30_000)

  it('follows the reader\'s light or dark colour scheme', async () => {
    const { page } = await open('/')
    const background = () => page.locator('diplomatic-timeline').evaluate((el) => getComputedStyle(el).backgroundColor)
    await page.emulateMedia({ colorScheme: 'light' })
    expect(await background()).toBe('rgb(255, 255, 255)')
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await background()).toBe('rgb(23, 24, 26)')
    await page.close()
  }, 30_000)

  it('never animates: with reduced motion asked for (as without), nothing moves and a zoom shows in the next frame', async () => {
    const { page, problems } = await open('/')
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const timeline = page.locator('diplomatic-timeline')
    await timeline.locator('svg.plot').waitFor()
    const moving = await timeline.evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('*')].filter((e) => {
        const style = getComputedStyle(e)
        return [style.transitionDuration, style.animationDuration].some((d) => d.split(',').some((part) => parseFloat(part) > 0))
      }).map((e) => e.localName))
    expect(moving).toEqual([])
    const windowLabel = () => timeline.locator('.window').textContent()
    const before = await windowLabel()
    // One frame after the click, the window has its new width: no animation in between.
    const after = await timeline.evaluate(async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click()
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete
      await new Promise((resolve) => requestAnimationFrame(resolve))
      return el.shadowRoot!.querySelector('.window')?.textContent
    })
    expect(after).not.toBe(before)
    expect(await windowLabel()).toBe(after)
    expect(problems).toEqual([])
    await page.close()
  }, 30_000)

  it('on a phone, a vertical swipe over the plot scrolls the page, a sideways drag pans and a pinch zooms, marks and labels together', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    await page.goto(`${base}/`)
    const timeline = page.locator('diplomatic-timeline')
    await timeline.locator('[data-event-id="convoy-attack"]').first().waitFor()
    const cdp = await context.newCDPSession(page)
    const windowLabel = () => timeline.locator('.window').textContent()
    const scrollY = () => page.evaluate(() => window.scrollY)
    /** Fingers put down at `from` (viewport px), each moved by its `by` in 12 steps, then lifted: touch input as a phone's screen sends it. */
    const gesture = async (from: Array<[number, number]>, by: Array<[number, number]>) => {
      const at = (i: number) => from.map(([x, y], id) => ({ x: x + (by[id]![0] * i) / 12, y: y + (by[id]![1] * i) / 12, id }))
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) })
      for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) })
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }
    /** A point on the plot, 60 px into its part in view. */
    const onPlot = async (): Promise<[number, number]> => {
      const box = (await timeline.locator('svg.plot').boundingBox())!
      return [Math.round(box.x + box.width / 2), Math.round(Math.max(box.y, 0) + 60)]
    }
    // Scrolled to the page's end, with the plot in view: a swipe down the plot scrolls back up.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    const window0 = await windowLabel()
    const top0 = await scrollY()
    await gesture([await onPlot()], [[0, 220]])
    await expect.poll(scrollY).toBeLessThan(top0 - 100)
    expect(await windowLabel()).toBe(window0)

    // A swipe's fling goes on after the finger is lifted: once the page stands still, a sideways drag must not move it.
    const still = async () => {
      for (let last = NaN, now = await scrollY(); ; last = now, now = await scrollY()) {
        if (now === last) return now
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
    }
    const top1 = await still()
    const [x, y] = await onPlot()
    await gesture([[x + 60, y]], [[-150, 0]])
    await expect.poll(windowLabel).not.toBe(window0)
    expect(await still()).toBe(top1)

    const window1 = await windowLabel()
    await gesture([[x - 35, y + 40], [x + 35, y + 40]], [[-60, 0], [60, 0]])
    await expect.poll(windowLabel).not.toBe(window1)
    // The page itself did not zoom, and every labelled mark's dot is where its label is, in the plot.
    expect(await page.evaluate(() => window.visualViewport!.scale)).toBe(1)
    const apart = await timeline.evaluate((el) => {
      const plot = el.shadowRoot!.querySelector('svg.plot')!
      const width = Number(plot.getAttribute('width'))
      return [...plot.querySelectorAll('.mark')].flatMap((mark) => {
        const body = mark.querySelector('circle.body')
        const label = mark.querySelector(':scope > text')
        if (!body || !label) return []
        const [cx, tx] = [Number(body.getAttribute('cx')), Number(label.getAttribute('x'))]
        // A label starts beside its dot, or beside the band of the day the dot is in the middle of.
        const reach = Number(mark.querySelector('rect.extent')?.getAttribute('width') ?? 10) / 2 + 24
        const visible = cx >= 0 && cx <= width
        return visible && Math.abs(cx - tx) > reach ? [`${mark.getAttribute('data-event-id')}: dot at ${cx}, label at ${tx}`] : []
      })
    })
    expect(apart).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  }, 60_000)

  it('gives axe no serious or critical violation on the editor page, with an event in the form, light and dark', async () => {
    const { page, problems } = await open('/editor.html')
    await page.locator('diplomatic-timeline-editor diplomatic-timeline [data-event-id="convoy-attack"]').first().click()
    await page.locator('diplomatic-timeline-editor [part="form"] h3').waitFor()
    const audit = await auditor(page)
    expect(await audit()).toEqual([])
    // In the dark scheme too: the text editor, the form and the preview change colours with it.
    await page.emulateMedia({ colorScheme: 'dark' })
    // The text editor takes its dark theme when the scheme changes: on the page's dark background.
    const editorBackground = () => page.locator('diplomatic-timeline-editor .cm-editor').evaluate((e) => getComputedStyle(e).backgroundColor)
    await expect.poll(editorBackground).toBe('rgb(23, 24, 26)')
    expect(await audit()).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  }, 30_000)
})
