import { describe, expect, it } from 'vitest'
import { safeHref } from '../../src/timeline/links.ts'

describe('safeHref', () => {
  it('keeps web and mail addresses', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1')
    expect(safeHref('HTTP://EXAMPLE.ORG')).toBe('HTTP://EXAMPLE.ORG')
    expect(safeHref('mailto:desk@example.org')).toBe('mailto:desk@example.org')
    expect(safeHref(' https://example.org ')).toBe('https://example.org')
  })

  it('refuses every other scheme, a relative path and nothing', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example', '/relative', 'https://', 'https:// spaced', '']) {
      expect(safeHref(url), url).toBeUndefined()
    }
    expect(safeHref(undefined)).toBeUndefined()
  })
})
