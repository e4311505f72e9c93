import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright'
import { launchChromium } from '../chromium.ts'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { json, sampleDataset } from '../fixtures/dataset.ts'

// A dev server and a real browser: run once, not in every time zone.
const once = process.env.TZ === 'America/Los_Angeles'
const project = new URL('../..', import.meta.url).pathname
const folder = join(project, 'test/e2e/tmp')
const file = join(folder, 'live.json')

let server: ViteDevServer
let browser: Browser

beforeAll(async () => {
  if (!once) return
  await mkdir(folder, { recursive: true })
  await writeFile(file, json(sampleDataset()))
  server = await createServer({ root: project, configFile: join(project, 'vite.config.ts'), logLevel: 'silent', server: { port: 5310, strictPort: false } })
  await server.listen()
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(folder, { recursive: true, force: true })
})

/**
 * Saves `data` to the file until `shown` says the page shows it. The dev server's watcher may be
 * starting still, or lag while other tests build and write files, and it drops a second save of
 * a file that comes within 50 ms of the first: a save is made again every two seconds until seen.
 */
async function saveUntil(data: unknown, shown: () => Promise<boolean>): Promise<void> {
  await expect.poll(async () => {
    if (await shown()) return true
    await writeFile(file, json(data))
    return false
  }, { timeout: 30_000, interval: 2_000 }).toBe(true)
}

describe.runIf(once)('npm start with a dataset edited on disk', () => {
  it('updates the open timeline without a page reload, and keeps it through an invalid save', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(server.resolvedUrls!.local[0] + 'test/e2e/live.html')
    const mark = page.locator('diplomatic-timeline [data-event-id="convoy-attack"]').first()
    await mark.waitFor()
    await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true))

    const edited = sampleDataset()
    edited.events[0]!.title = 'Convoy attack, as edited on disk'
    await saveUntil(edited, async () => (await mark.getAttribute('aria-label'))?.includes('Convoy attack, as edited on disk') ?? false)

    const broken = sampleDataset() as unknown as { events: Array<{ status: string; title: string }> }
    broken.events[0]!.title = 'Convoy attack, as edited on disk'
    broken.events[0]!.status = 'planed'
    const alert = page.locator('diplomatic-timeline [role="alert"]')
    await saveUntil(broken, async () => /line \d+, column \d+: invalid status "planed"/.test(await alert.textContent({ timeout: 100 }).catch(() => '') ?? ''))
    expect(await alert.textContent()).toContain('Showing the last valid version')
    expect(await mark.getAttribute('aria-label')).toContain('Convoy attack, as edited on disk')

    await saveUntil(edited, async () => (await alert.count()) === 0)
    expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  }, 120_000)
})
