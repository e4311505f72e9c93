import { cpSync, readFileSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Visitor, type Plugin } from 'vite'
import { chromiumFlags, chromiumPath } from './test/chromium.ts'
import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'

/** The same module graph in the app, the element build, the tests and the bench (see components/no-transitions.ts, no-tweens.ts and no-time-formats.ts). */
export const aliases = {
  'd3-transition': fileURLToPath(new URL('components/no-transitions.ts', import.meta.url)),
  'd3-interpolate': fileURLToPath(new URL('components/no-tweens.ts', import.meta.url)),
  'd3-time-format': fileURLToPath(new URL('components/no-time-formats.ts', import.meta.url)),
}

/**
 * Output option for the element's builds: V8 (Chrome 136 and later) compiles every function of a
 * file that starts with this comment when it loads the file, on a background thread, instead of
 * one by one on the main thread as each is first called
 * (https://v8.dev/blog/explicit-compile-hints). Nearly all of the element runs on its first
 * render, so its chunks carry it; the validation chunk, fetched later, does not. Added after
 * minification, which would remove a comment.
 */
export const compileHints = { postBanner: (chunk: { isDynamicEntry: boolean }) => (chunk.isDynamicEntry ? '' : '//# allFunctionsCalledOnLoad') }

/** Tests run in two zones far from UTC, so that a date that leaks into local time fails. */
const zones = { la: 'America/Los_Angeles', kiritimati: 'Pacific/Kiritimati' } as const

/**
 * Waits are for conditions, and the machine may be busy with other work: a poll gives its
 * condition five seconds (Vitest's default is one) within a test's fifteen.
 */
const patience = { testTimeout: 15_000, expect: { poll: { timeout: 5_000 } } }

const nodeProject = (name: keyof typeof zones) => ({
  resolve: { alias: aliases },
  test: {
    name: `node-${name}`,
    ...patience,
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.browser.test.ts'],
    env: { TZ: zones[name] },
  },
})

const browserProject = (name: keyof typeof zones) => ({
  resolve: { alias: aliases },
  test: {
    name: `chromium-${name}`,
    ...patience,
    include: ['test/**/*.browser.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: { executablePath: chromiumPath, args: chromiumFlags },
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

/** Tells the page when a JSON file is saved, so open timelines reload it (components/live-reload.ts). */
const liveData: Plugin = {
  name: 'live-data',
  apply: 'serve',
  configureServer(server) {
    const tell = (file: string) => {
      const path = relative(server.config.root, file)
      if (!file.endsWith('.json') || path.startsWith('..') || path.split(sep).includes('node_modules')) return
      server.ws.send({ type: 'custom', event: 'dataset-change', data: { url: '/' + path.split(sep).join('/') } })
    }
    server.watcher.on('change', tell)
    server.watcher.on('add', tell)
  },
}

/**
 * CSS without the comments and white space it does not need: the minifier leaves `css` templates
 * as written, and their comments and indentation were 1.3 kB of gzip before the first paint. Next
 * to an interpolation a space stays, as `${a} ${b}` may be two values.
 */
const compactCss = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};,]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}')

/** Builds the styles (`css` templates) with compactCss: they are as written in the tests and `npm start`. */
const compactStyles: Plugin = {
  name: 'compact-styles',
  apply: 'build',
  transform(code, id) {
    if (!/\.ts$/.test(id) || !code.includes('css`')) return
    const texts: Array<{ at: number; raw: string }> = []
    new Visitor({
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'css') return
        for (const { start, value: { raw } } of node.quasi.quasis) {
          // The span holds the text, with or without its delimiters (` ${ }) as parsers differ.
          const at = code.indexOf(raw, start)
          if (raw && at <= start + 1) texts.push({ at, raw })
        }
      },
    }).visit(this.parse(code))
    // From the end, so that each text's place holds.
    let out = code
    for (const { at, raw } of texts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + compactCss(raw) + out.slice(at + raw.length)
    return { code: out, map: null }
  },
}

/** The package's dependencies: its built modules import them rather than carry them, so that a page's bundler shares them. */
const dependencies = Object.keys((JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies)
const external = (id: string) => dependencies.some((d) => id === d || id.startsWith(`${d}/`)) || id.startsWith('node:')

/** The package's modules (`--mode package`) and its command (`--mode cli`), in dist/package/: see package.json's exports. */
const packageBuilds = {
  package: {
    target: 'es2022',
    outDir: 'dist/package',
    emptyOutDir: false,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', 'diplomatic-timeline': 'components/diplomatic-timeline.ts', editor: 'components/diplomatic-timeline-editor.ts', arrow: 'src/formats/arrow.ts' },
      formats: ['es' as const],
    },
    rollupOptions: { external, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
  cli: {
    target: 'node20',
    outDir: 'dist/package',
    emptyOutDir: false,
    minify: false,
    ssr: 'src/cli/cli.ts',
    rollupOptions: { external, output: { entryFileNames: 'cli.js', chunkFileNames: 'chunks/cli-[name]-[hash].js' } },
  },
}

/**
 * `vite build` makes the demo site; `vite build --mode element` adds dist/diplomatic-timeline.js,
 * the element as an ES module for a plain page's one script tag, and the chunks it imports
 * itself (dist/diplomatic-timeline-*.js).
 */
export default defineConfig(({ mode }) => {
  // The element build is a production build too: Lit's development build logs and checks more.
  if (mode === 'element' || mode in packageBuilds) process.env.NODE_ENV = 'production'
  return {
  resolve: { alias: aliases },
  // The element's files find each other (the worker above all) next to the element's own file, wherever a page puts them.
  base: mode === 'element' || mode in packageBuilds ? './' : '/',
  build: mode in packageBuilds ? packageBuilds[mode as keyof typeof packageBuilds] :
    mode === 'element'
      ? {
          target: 'es2022',
          emptyOutDir: false,
          minify: true,
          // The validation chunk, fetched when data arrives, and the code it shares with the element.
          // Library builds keep white space unless the output is minified too. All that loads before
          // the first paint is one file (diplomatic-timeline-core.js), which later chunks import from:
          // one request, and one gzip dictionary, rather than ten small chunks (2.7 kB less gzip).
          rollupOptions: { output: { minify: true, chunkFileNames: 'diplomatic-timeline-[name].js', ...compileHints, codeSplitting: { groups: [{ name: 'core', tags: ['$initial'] }] } } },
          lib: { entry: 'components/diplomatic-timeline.ts', formats: ['es' as const], fileName: () => 'diplomatic-timeline.js' },
        }
      : { target: 'es2022', rollupOptions: { input: ['index.html', 'editor.html'] } },
  // The worker that reads large files (src/worker/worker.ts) is a module of its own, fetched from the element's origin.
  worker: {
    format: 'es' as const,
    rollupOptions: { output: mode === 'element' || mode === 'package' ? { minify: true, entryFileNames: 'diplomatic-timeline-worker.js', chunkFileNames: 'diplomatic-timeline-worker-[name].js' } : { minify: true } },
  },
  plugins: mode === 'element' || mode in packageBuilds ? [compactStyles] : [compactStyles, copyData, liveData],
  test: {
    projects: [nodeProject('la'), nodeProject('kiritimati'), browserProject('la'), browserProject('kiritimati')],
  },
  }
})
