// The package's plain API (diplomatic-timeline/api): checking, formatting and reading datasets
// and their dates, with no element and no DOM.
export { maxProblems, problemCount, validateDataset, validateDatasetInSteps, validateValue, validateValueInSteps, type Problem, type ValidationResult } from './validate/index.ts'
export { formatJson } from './format/format.ts'
export { DateShape, Precision, Tense, formatDate, resolveEdtf, resolveRelativePhrase, type DatePart, type DateResult, type LabelOptions, type RelativeOptions, type ResolvedDate } from './dates/index.ts'
export { toTimelineEvents, type TimelineEvent } from './timeline/events.ts'
export type * from './model/index.ts'
export { checkImported, detectFormat, formatById, formatOfName, formats, readFile, writeFormat, type Checked, type FileFacts, type FormatId, type FormatInfo, type ReadResult } from './formats/registry.ts'
export type { CsvMapping, Imported, ReadOptions, SourcePlace } from './formats/format.ts'
