// How this project starts Chromium, for the browser tests, the end-to-end tests and the bench.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright'

/** Debian's Chromium where it is installed; otherwise Playwright's own browser (`npx playwright install chromium`). */
export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))

/** Flags that keep a headless Chromium quiet on a closed network and able to run as root. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const launchChromium = (extraFlags: string[] = []): Promise<Browser> =>
  chromium.launch({ ...(chromiumPath ? { executablePath: chromiumPath } : {}), args: [...chromiumFlags, ...extraFlags] })
