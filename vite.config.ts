import { cpSync, existsSync } from 'node:fs'
import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'

// Debian's Chromium where it is installed; elsewhere Playwright's own browser (`npx playwright install`).
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Tests run in two zones far from UTC, so that a date that leaks into local time fails. */
const zones = { la: 'America/Los_Angeles', kiritimati: 'Pacific/Kiritimati' } as const

const nodeProject = (name: keyof typeof zones) => ({
  test: {
    name: `node-${name}`,
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.browser.test.ts'],
    env: { TZ: zones[name] },
  },
})

const browserProject = (name: keyof typeof zones) => ({
  test: {
    name: `chromium-${name}`,
    include: ['test/**/*.browser.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: { executablePath: systemChromium, args: chromiumFlags },
        contextOptions: { timezoneId: zones[name] },
      }),
      instances: [{ browser: 'chromium' as const }],
    },
  },
})

/** The demo page fetches its dataset at run time, so the built site carries data/ as it is. */
const copyData = {
  name: 'copy-data',
  apply: 'build' as const,
  closeBundle: () => cpSync('data', 'dist/data', { recursive: true }),
}

export default defineConfig({
  build: { target: 'es2022' },
  plugins: [copyData],
  test: {
    projects: [nodeProject('la'), nodeProject('kiritimati'), browserProject('la'), browserProject('kiritimati')],
  },
})
