import { applyEdits, format } from 'jsonc-parser'

/**
 * Re-indents JSON text with two spaces and LF line endings, ending in one newline. Only white
 * space changes: key order, number spelling, string escapes and every `x-` field stay as written.
 * The text must be valid JSON (check it with validateDataset first).
 * @example formatJson('{"a":[1,2]}') // '{\n  "a": [\n    1,\n    2\n  ]\n}\n'
 */
export function formatJson(text: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const body = bom ? text.slice(1) : text
  const formatted = applyEdits(body, format(body, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }))
  return bom + formatted.replace(/\r\n?/g, '\n').trimEnd() + '\n'
}
