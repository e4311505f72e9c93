// Finishes the package (npm run build:package) after its modules and types are built.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'

// The edtf package ships no types: the declaration of the parts this project uses goes with
// the package's types, referred to where they use it.
const types = 'dist/package/types/src/dates'
cpSync('src/dates/edtf-package.d.ts', `${types}/edtf-package.d.ts`)
const edtf = `${types}/edtf.d.ts`
writeFileSync(edtf, `/// <reference path="./edtf-package.d.ts" />\n${readFileSync(edtf, 'utf8')}`)

// The typings for React's JSX and Vue's templates, written by hand (diplomatic-timeline/react, /vue).
cpSync('src/frameworks', 'dist/package/types/src/frameworks', { recursive: true })

// The custom elements manifest (written by `cem analyze` from the source) names the modules a
// user imports, not the source files they were built from.
const built = { 'components/diplomatic-timeline.ts': 'dist/package/diplomatic-timeline.js', 'components/diplomatic-timeline-editor.ts': 'dist/package/editor.js' }
const manifestFile = 'dist/package/custom-elements.json'
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
for (const module of manifest.modules) {
  const path = built[module.path]
  if (!path) throw new Error(`custom-elements.json: no built module for ${module.path}`)
  module.path = path
  for (const entry of module.exports ?? []) if (entry.declaration?.module && built[entry.declaration.module]) entry.declaration.module = path
}
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
