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
    await writeFile(file, json(edited))
    await expect.poll(() => mark.getAttribute('aria-label'), { timeout: 10_000 }).toContain('Convoy attack, as edited on disk')

    const broken = sampleDataset() as unknown as { events: Array<{ status: string; title: string }> }
    broken.events[0]!.title = 'Convoy attack, as edited on disk'
    broken.events[0]!.status = 'planed'
    await writeFile(file, json(broken))
    const alert = page.locator('diplomatic-timeline [role="alert"]')
    await expect.poll(() => alert.textContent().catch(() => ''), { timeout: 10_000 }).toMatch(/line \d+, column \d+: invalid status "planed"/)
    expect(await alert.textContent()).toContain('Showing the last valid version')
    expect(await mark.getAttribute('aria-label')).toContain('Convoy attack, as edited on disk')

    await writeFile(file, json(edited))
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})
