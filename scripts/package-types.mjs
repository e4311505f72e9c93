// Finishes the package's type declarations (npm run build:package): the edtf package ships no
// types, so the declaration of the parts this project uses goes with them, referred to where used.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'

const types = 'dist/package/types/src/dates'
cpSync('src/dates/edtf-package.d.ts', `${types}/edtf-package.d.ts`)
const file = `${types}/edtf.d.ts`
writeFileSync(file, `/// <reference path="./edtf-package.d.ts" />\n${readFileSync(file, 'utf8')}`)
