import { format, type Edit } from 'jsonc-parser'

/**
 * The text with the edits made, in one pass. The edits are jsonc-parser's `format`, which do not
 * overlap; its own applyEdits makes each on a new copy of the whole text, so a one-line file of
 * half a megabyte, which takes an edit at almost every token, took half a minute.
 */
function applyInOnePass(text: string, edits: Edit[]): string {
  const sorted = edits.slice().sort((a, b) => a.offset - b.offset)
  const parts: string[] = []
  let at = 0
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.offset), edit.content)
    at = edit.offset + edit.length
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/**
 * Re-indents JSON text with two spaces and LF line endings, ending in one newline. Only white
 * space changes: key order, number spelling, string escapes and every `x-` field stay as written.
 * The text must be valid JSON (check it with validateDataset first).
 * @example formatJson('{"a":[1,2]}') // '{\n  "a": [\n    1,\n    2\n  ]\n}\n'
 */
export function formatJson(text: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const body = bom ? text.slice(1) : text
  const formatted = applyInOnePass(body, format(body, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }))
  return bom + formatted.replace(/\r\n?/g, '\n').trimEnd() + '\n'
}
