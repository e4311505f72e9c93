import './edtf-grammar.ts'
export { DateShape, Precision, resolveEdtf, type DatePart, type DateResult, type ResolvedDate } from './edtf.ts'
export { formatDate, type LabelOptions } from './format.ts'
export { Tense, resolveRelativePhrase, type RelativeOptions } from './relative.ts'
