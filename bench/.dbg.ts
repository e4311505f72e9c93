import { preview, build } from 'vite'
import { chromium } from 'playwright'
const root = '/work/main/'
await build({ root, configFile: false, logLevel: 'warn', build: { target: 'es2022', outDir: '/work/main/node_modules/.bench-dist', emptyOutDir: true, rolldownOptions: { input: '/work/main/bench/page.html' } } })
const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir: '/work/main/node_modules/.bench-dist' }, preview: { host: '127.0.0.1', port: 47311 } })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] })
for (const n of [1000, 10000]) for (let i = 0; i < 3; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(`http://127.0.0.1:47311/bench/page.html?n=${n}`)
  await page.waitForFunction(() => typeof window.benchFirstRender === 'function')
  const total = await page.evaluate(() => window.benchFirstRender!())
  const marks = await page.evaluate(() => { const s = performance.getEntriesByName('bench:start')[0]!.startTime; return performance.getEntriesByType('mark').map((m) => `${m.name}=${(m.startTime - s).toFixed(0)}`).join(' ') })
  console.log(n, total.toFixed(0), marks)
  await page.close()
}
await browser.close(); await server.close()
