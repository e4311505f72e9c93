// The general EDTF grammar, installed into edtf.ts when this module is imported. Validation and
// Node code import it always; the timeline element loads it only for dates beyond the common forms.
import edtf, { parse } from 'edtf'
import { useGrammar } from './edtf.ts'

useGrammar({
  parse,
  bounds(date) {
    const value = edtf(date)
    return [value.min, value.max]
  },
})
