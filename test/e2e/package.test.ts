import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, normalize } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../chromium.ts'
import { json, sampleDataset } from '../fixtures/dataset.ts'

// Builds the package, packs it and installs the tarball as a user would: once, not in every time zone.
const once = process.env.TZ === 'America/Los_Angeles'
const project = new URL('../..', import.meta.url).pathname
const run = promisify(execFile)
const npm = (args: string[], cwd: string) => run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024 })

let packed: { path: string }[] = []
let source: string
let user: string
let tarball: string

beforeAll(async () => {
  if (!once) return
  // Built and packed from a copy of the project's files, as other tests build in dist/ meanwhile.
  source = await mkdtemp(join(tmpdir(), 'dt-source-'))
  const { stdout: listed } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: project })
  for (const file of listed.split('\0').filter((f) => f && existsSync(join(project, f)))) {
    await mkdir(dirname(join(source, file)), { recursive: true })
    await copyFile(join(project, file), join(source, file))
  }
  await symlink(join(project, 'node_modules'), join(source, 'node_modules'))
  // What `npm pack` runs first (prepack), run here so that its output stays apart from pack's.
  await npm(['run', 'prepack'], source)
  user = await mkdtemp(join(tmpdir(), 'dt-user-'))
  const { stdout } = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', user], source)
  const [report] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }]
  packed = report.files
  tarball = join(user, report.filename)
  await writeFile(join(user, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }))
  // From npm's cache where it can: the dependencies are those this project installed.
  await npm(['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], user)
}, 300_000)

afterAll(async () => {
  for (const dir of [user, source]) if (dir) await rm(dir, { recursive: true, force: true })
})

describe.runIf(once)('the npm package', () => {
  it('holds the built modules, their types, the CLI, the one-script build, the schema, README and licence, and nothing else', () => {
    const paths = packed.map((f) => f.path)
    const allowed = [/^dist\/package\/.+\.(js|d\.ts)$/, /^dist\/package\/custom-elements\.json$/, /^dist\/diplomatic-timeline(-[\w-]+)?\.js$/, /^data\/event-dataset\.schema\.json$/, /^(README\.md|LICENSE|package\.json)$/]
    expect(paths.filter((p) => !allowed.some((a) => a.test(p)))).toEqual([])
    for (const needed of ['dist/package/diplomatic-timeline.js', 'dist/package/editor.js', 'dist/package/index.js', 'dist/package/cli.js', 'dist/package/diplomatic-timeline-worker.js',
      'dist/package/types/src/index.d.ts', 'dist/package/types/components/diplomatic-timeline.d.ts', 'dist/diplomatic-timeline.js', 'data/event-dataset.schema.json', 'LICENSE', 'README.md']) {
      expect(paths, needed).toContain(needed)
    }
  })

  it('describes its elements in a custom elements manifest, named by package.json, at the modules a user imports', async () => {
    const installed = join(user, 'node_modules/diplomatic-timeline')
    const { customElements } = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as { customElements: string }
    const manifest = JSON.parse(await readFile(join(installed, customElements), 'utf8')) as {
      modules: Array<{ path: string; declarations: Array<{ tagName?: string; attributes?: Array<{ name: string }>; events?: Array<{ name: string }>; cssParts?: unknown[] }> }>
    }
    const elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.tagName).map((d) => ({ path: m.path, ...d })))
    expect(elements.map((e) => [e.tagName, e.path])).toEqual([['diplomatic-timeline', 'dist/package/diplomatic-timeline.js'], ['diplomatic-timeline-editor', 'dist/package/editor.js']])
    for (const { path } of elements) expect(existsSync(join(installed, path)), path).toBe(true)
    const timeline = elements[0]!
    expect(timeline.attributes!.map((a) => a.name)).toEqual(expect.arrayContaining(['src', 'group-by', 'selected', 'sync-url', 'stall-timeout']))
    expect(timeline.events!.map((e) => e.name).sort()).toEqual(['timeline-range-change', 'timeline-select'])
    expect(timeline.cssParts!.length).toBeGreaterThan(5)
  })

  it('gives Node its plain API by import, with no TypeScript at run time', async () => {
    const script = `
      import { validateDataset, formatJson, resolveEdtf } from 'diplomatic-timeline/api'
      import { readFileSync } from 'node:fs'
      const result = validateDataset(readFileSync('data.json', 'utf8'))
      const date = resolveEdtf('2016-09-19')
      console.log(JSON.stringify({ ok: result.ok, formatted: formatJson('{"a":1}'), day: date.ok && date.date.precision }))
    `
    await writeFile(join(user, 'data.json'), json(sampleDataset()))
    await writeFile(join(user, 'api.mjs'), script)
    const { stdout } = await run(process.execPath, ['api.mjs'], { cwd: user })
    expect(JSON.parse(stdout)).toEqual({ ok: true, formatted: '{\n  "a": 1\n}\n', day: 'day' })
    const schema = JSON.parse(await readFile(join(user, 'node_modules/diplomatic-timeline/data/event-dataset.schema.json'), 'utf8')) as { $id?: string; title?: string }
    expect(schema.title ?? schema.$id).toBeTruthy()
  })

  it('installs a command that runs as built JavaScript: its version, and a check of a file', async () => {
    const bin = join(user, 'node_modules/.bin/diplomatic-timeline')
    const { version } = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { version: string }
    expect((await run(bin, ['--version'], { cwd: user })).stdout).toBe(`${version}\n`)
    expect((await run(bin, ['validate', 'data.json'], { cwd: user })).stdout).toBe('1 file valid\n')
    const cli = await readFile(join(user, 'node_modules/diplomatic-timeline/dist/package/cli.js'), 'utf8')
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(cli).not.toMatch(/from ["']tsx/)
  })

  it('types its modules for a TypeScript user: the element, its properties and the API', async () => {
    await writeFile(join(user, 'use.ts'), `
      import type { DiplomaticTimeline } from 'diplomatic-timeline'
      import { validateDataset, type EventDataset } from 'diplomatic-timeline/api'
      declare const timeline: DiplomaticTimeline
      const lanes: 'actor' | 'category' | 'none' = timeline.groupBy
      const result = validateDataset('{}')
      const events: EventDataset['events'] | undefined = result.ok ? result.dataset.events : undefined
      export { lanes, events }
    `)
    await writeFile(join(user, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], noEmit: true, types: [], skipLibCheck: false, experimentalDecorators: true },
      files: ['use.ts'],
    }))
    const tsc = join(project, 'node_modules/.bin/tsc')
    const checked = await run(tsc, ['-p', '.'], { cwd: user }).then(() => '', (error: { stdout: string }) => error.stdout)
    expect(checked).toBe('')
  })
})

/** Serves a folder's files, as any static server would. */
function serveFolder(root: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' }
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    if (path === '/favicon.ico') return void response.writeHead(204).end()
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
    if (!file.startsWith(root) || !existsSync(file)) return void response.writeHead(404).end()
    void readFile(file).then((body) => response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/**
 * Installs the packed tarball into a copy of an example (with the example's own dependencies,
 * from npm's cache where it can), builds it when it has a build, and gives the folder to serve.
 */
async function example(name: string): Promise<string> {
  const folder = join(user, 'examples', name)
  await mkdir(folder, { recursive: true })
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', `examples/${name}`, 'examples/dataset.json'], { cwd: project })
  for (const file of stdout.split('\0').filter(Boolean)) {
    await mkdir(dirname(join(user, file)), { recursive: true })
    await copyFile(join(project, file), join(user, file))
  }
  await npm(['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], folder)
  if (name === 'plain') {
    await copyFile(join(user, 'examples/dataset.json'), join(folder, 'dataset.json'))
    return folder
  }
  // As from a user's shell: without the NODE_ENV=test the test runner sets, which would make Vite build Lit's development build.
  const { NODE_ENV: _, ...env } = process.env
  await run(process.execPath, [join(folder, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: folder, env })
  return join(folder, 'dist')
}

describe.runIf(once)('the recipes in examples/, each installed from the tarball, built and opened', () => {
  it.each(['plain', 'react', 'vue'])('%s: draws the data the app gives, and the app hears the selection, with no error or warning', async (name) => {
    const served = await example(name)
    const tsc = join(project, 'node_modules/.bin/tsc')
    const typeCheck = (args: string[]) => run(tsc, args, { cwd: join(user, 'examples', name) }).then(() => '', (error: { stdout: string }) => error.stdout)
    if (name === 'react') {
      // The element and its events are known to React's JSX: the app type-checks.
      expect(await typeCheck(['-p', '.'])).toBe('')
    }
    if (name === 'vue') {
      // The tags are among Vue's GlobalComponents, with their attributes and events, and a wrong value is refused.
      await writeFile(join(user, 'examples/vue/components.ts'), `
        import type {} from 'diplomatic-timeline/vue'
        import type { GlobalComponents } from 'vue'
        type Props = InstanceType<GlobalComponents['diplomatic-timeline']>['$props']
        export const props: Props = { 'group-by': 'actor', 'sync-url': true, 'onTimeline-select': (event) => event.detail.id }
        // @ts-expect-error: not one of the lanes the element draws
        export const wrong: Props = { 'group-by': 'weekly' }
      `)
      await writeFile(join(user, 'examples/vue/tsconfig.check.json'), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2023', 'dom'], types: [], experimentalDecorators: true },
        files: ['components.ts'],
      }))
      expect(await typeCheck(['-p', 'tsconfig.check.json'])).toBe('')
    }
    const server = await serveFolder(served)
    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 } })
      const problems: string[] = []
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`))
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      const count = page.locator('diplomatic-timeline .shown [aria-live]')
      await expect.poll(() => count.textContent()).toBe('2 of 2 events shown')
      await page.locator('diplomatic-timeline [data-event-id="convoy-attack"]').first().click()
      await expect.poll(() => page.locator('#chosen').textContent()).toBe('convoy-attack')
      expect(problems).toEqual([])
    } finally {
      await browser.close()
      server.close()
    }
  }, 240_000)
})
