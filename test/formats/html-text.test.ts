import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeHtml, htmlToText, textToHtml, tidy } from '../../src/formats/html-text.ts'

describe('HTML as plain text', () => {
  it('removes tags and keeps their words', () => {
    expect(htmlToText('Romney <a href="http://www.nytimes.com/x" target="new">swept New Hampshire</a> from the <b>other</b> candidates')).toBe(
      'Romney swept New Hampshire from the other candidates',
    )
  })

  it('makes <br>, paragraphs, list items and other blocks line breaks', () => {
    expect(htmlToText('one<br>two<BR/>three')).toBe('one\ntwo\nthree')
    expect(htmlToText('<p class="lead">First.</p><span class="tl-note">Note</span>')).toBe('First.\n\nNote')
    expect(htmlToText('<ul><li>a</li><li>b</li></ul>after')).toBe('a\nb\n\nafter')
    expect(htmlToText('<div>a</div><div>b</div><blockquote>c <cite>d</cite></blockquote>')).toBe('a\nb\n\nc d')
    expect(htmlToText('<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>')).toBe('1 2\n3')
  })

  it('decodes named, numeric and legacy entities', () => {
    expect(htmlToText('AT&amp;T &lt;3 &#8220;quoted&#x201D; &copy 2012 caf&eacute;')).toBe('AT&T <3 “quoted” © 2012 café')
  })

  it('tidies white space: runs of spaces, no-break spaces, CRLF and blank lines', () => {
    expect(htmlToText('  a \t b&nbsp;&nbsp;c \r\n d\r\n\r\n\r\n\r\ne  ')).toBe('a b c\nd\n\ne')
    expect(tidy(' x \n\n\n y ')).toBe('x\n\ny')
  })

  it('drops scripts, styles and event handlers with their content', () => {
    expect(htmlToText('a<script>alert(1)</script>b<style>p { color: red }</style>c')).toBe('abc')
    expect(htmlToText('<img src=x onerror=alert(1)>hi <svg onload="alert(2)"><text>x</text></svg>')).toBe('hi')
    expect(htmlToText('<iframe src="https://evil.example"></iframe>ok')).toBe('ok')
  })

  it('keeps escaped markup as the inert text it shows', () => {
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1)')).toBe('<script>alert(1)</script> onerror=alert(1)')
  })

  it('reads tags as a browser does: quoted ">" in attributes, comments, a "<" that starts no tag, a tag cut off at the end', () => {
    expect(htmlToText('x <a title="a>b" data-x=\'c>d\'>link</a> y')).toBe('x link y')
    expect(htmlToText('a<!-- <b>hidden</b> -->b<!DOCTYPE html><?xml x?>c')).toBe('abc')
    expect(htmlToText('1 < 2 and 3 <= 4')).toBe('1 < 2 and 3 <= 4')
    expect(htmlToText('<p>cut <b')).toBe('cut')
  })

  it('removes markup until none is left, so that removing one tag never forms another', () => {
    expect(htmlToText('<<!-- -->b>x')).toBe('x')
    expect(htmlToText('<scr<script>ipt>alert(1)</script>')).toBe('ipt>alert(1)')
    expect(htmlToText('<<!---->script>alert(1)<<!---->/script>')).toBe('')
    expect(htmlToText(`${'<<'.repeat(50)}b>${'b>'.repeat(49)}x`)).not.toMatch(/<[A-Za-z/!?]/)
  })
})

describe('plain text as HTML', () => {
  it('escapes special characters and makes blank lines paragraphs and line breaks <br>', () => {
    expect(textToHtml('a <b> & c\nd\n\n\ne')).toBe('<p>a &lt;b&gt; &amp; c<br>d</p><p>e</p>')
    expect(textToHtml('')).toBe('')
    expect(escapeHtml('<script>')).toBe('&lt;script&gt;')
  })

  it('reads back as the same text', () => {
    const text = 'Kerry said: "It\'s not dead" <really>\nThen left.\n\nAT&T & co.'
    expect(htmlToText(textToHtml(text))).toBe(text)
  })
})

describe('properties', () => {
  // Text and markup from an alphabet that makes tags, attributes, comments and stray brackets likely.
  const piece = fc.constantFrom('<', '>', '/', '!', '?', '-', '"', "'", '=', ' ', '\n', 'a', 'b', 'p', 'br', 'script', 'x', '1', 'é', '\u00a0')
  const markupLike = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''))
  const plain = fc.string({ maxLength: 60 }).filter((s) => !/[<&]/.test(s))

  it('never leaves a tag in what it returns', () => {
    fc.assert(
      fc.property(markupLike, (html) => {
        expect(htmlToText(html)).not.toMatch(/<[A-Za-z/!?]/)
      }),
      { numRuns: 50 },
    )
  })

  it('is idempotent on plain text, and returns tidy plain text unchanged', () => {
    fc.assert(
      fc.property(plain, (text) => {
        const once = htmlToText(text)
        expect(htmlToText(once)).toBe(once)
        expect(htmlToText(tidy(text))).toBe(tidy(text))
      }),
      { numRuns: 50 },
    )
  })

  it('reads any text written as HTML back as that text, tidied', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(htmlToText(textToHtml(text))).toBe(tidy(text))
      }),
      { numRuns: 50 },
    )
  })
})
