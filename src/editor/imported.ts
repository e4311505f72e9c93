import type { ReadResult } from '../formats/registry.ts'
import { problemCount } from '../validate/problem-count.ts'

/** What opening a file in another tool's format puts in the editor, or why it cannot. */
export type Conversion =
  | {
      ok: true
      /** The converted dataset as formatted JSON: the editor's lint then shows the validator's problems in it. */
      text: string
      /** The file's name with `.json` for its ending. */
      name: string
      /** One sentence: what was converted from what. */
      summary: string
      /** What was converted and what was dropped, from the reader. */
      notes: string[]
      /** The problems at their place in the source file ("row 5, column event_date: … (line 6, column 12)"). */
      problems: string[]
    }
  | { ok: false; message: string }

/** The name with another ending: withEnding("acled.csv", ".json") → "acled.json". */
export const withEnding = (name: string, ending: string): string => `${name.replace(/\.[^./\\]*$/, '') || 'dataset'}${ending}`

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * How the editor opens what the format registry read from a file in another format: the dataset
 * it built, even one with problems, becomes the text; a file nothing could be built from is
 * refused with the reader's own words, and the editor's text is left as it was.
 * @example conversionOf(await readFile({ bytes, name: 'acled.csv' }), 'acled.csv')
 */
export function conversionOf(result: ReadResult, fileName: string): Conversion {
  const value = result.dataset ?? result.value
  if (!value) {
    const shown = result.problems.slice(0, 3).map((p) => p.message).join('; ')
    const more = problemCount(result.problems) - Math.min(3, result.problems.length)
    return { ok: false, message: `Could not open ${fileName} as ${result.format.label}: ${shown}${more > 0 ? ` (and ${plural(more, 'more problem')})` : ''}. Nothing was changed.` }
  }
  const name = withEnding(fileName, '.json')
  const count = problemCount(result.problems)
  return {
    ok: true,
    text: JSON.stringify(value, null, 2),
    name,
    summary: `Converted ${fileName} (${result.format.label}) into ${name}${count ? `, with ${plural(count, 'problem')} in the source file` : ''}. Undo goes back to the previous text.`,
    notes: result.notes,
    problems: [
      ...result.problems.map((p) => (p.path === '' && p.line === 1 && p.column === 1 ? p.message : `${p.message} (line ${p.line}, column ${p.column} of ${fileName})`)),
      ...(count > result.problems.length ? [`and ${plural(count - result.problems.length, 'more problem')}`] : []),
    ],
  }
}
