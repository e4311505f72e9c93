// Messages in the ICU MessageFormat syntax that translators know, the subset a timeline needs:
// placeholders `{name}`, plurals `{count, plural, =0 {…} one {# event} other {# events}}` (`#` is
// the number, written in the locale) and choices `{kind, select, a {…} other {…}}`. Every plural
// and select has an `other` branch: a language's categories come from Intl.PluralRules, and any
// it does not list falls back to it. Quoting with apostrophes is not supported: a message cannot
// hold a literal brace.

/** A parsed message: text, a placeholder, the number of the plural around it, or a plural or select. */
export type MessageNode =
  | string
  | { readonly name: string }
  | { readonly hash: true }
  | { readonly name: string; readonly kind: 'plural' | 'select'; readonly branches: Readonly<Record<string, readonly MessageNode[]>> }

/** What a message is filled with: numbers are written in the locale, anything else is put in as it is. */
export type MessageValues = Readonly<Record<string, unknown>>

/** How numbers are written and which plural category one is in. */
export interface NumberRules {
  number: (n: number) => string
  plural: (n: number) => Intl.LDMLPluralRule
}

/** A message that is not well formed: where and why. */
export class MessageSyntaxError extends Error {}

const hash = { hash: true } as const

/**
 * The pieces of a message, or a MessageSyntaxError that says what is wrong and where.
 * @example parseMessage('{n, plural, one {# event} other {# events}} shown')
 */
export function parseMessage(text: string): MessageNode[] {
  let at = 0
  const fail = (why: string): never => {
    throw new MessageSyntaxError(`${why} at character ${at + 1} of ${JSON.stringify(text)}`)
  }
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++
  }
  const word = (stop: RegExp) => {
    const start = at
    while (at < text.length && !stop.test(text[at]!)) at++
    return text.slice(start, at).trim()
  }
  const expect = (c: string) => {
    if (text[at] !== c) fail(`expected "${c}"`)
    at++
  }

  // Text up to the end, or up to the "}" that closes a branch; `#` is the number inside a plural.
  const sequence = (inPlural: boolean, inBranch: boolean): MessageNode[] => {
    const nodes: MessageNode[] = []
    let run = ''
    const flush = () => {
      if (run) nodes.push(run)
      run = ''
    }
    while (at < text.length) {
      const c = text[at]!
      if (c === '}') {
        if (inBranch) break
        fail('a "}" that closes nothing')
      }
      if (c === '{') {
        flush()
        at++
        nodes.push(argument(inPlural))
      } else if (c === '#' && inPlural) {
        flush()
        nodes.push(hash)
        at++
      } else {
        run += c
        at++
      }
    }
    if (inBranch && at >= text.length) fail('a branch without its closing "}"')
    flush()
    return nodes
  }

  const argument = (inPlural: boolean): MessageNode => {
    const name = word(/[,}]/)
    if (at >= text.length) fail('a "{" without its closing "}"')
    if (!/^[\p{L}\p{N}_.-]+$/u.test(name)) fail(`a placeholder name that is not one word: ${JSON.stringify(name)}`)
    if (text[at] === '}') {
      at++
      return { name }
    }
    expect(',')
    const kind = word(/[,}]/)
    if (kind !== 'plural' && kind !== 'select') fail(`"${kind}" where "plural" or "select" was expected`)
    expect(',')
    const branches: Record<string, MessageNode[]> = {}
    for (;;) {
      skipSpace()
      if (at >= text.length) fail(`a ${kind} without its closing "}"`)
      if (text[at] === '}') break
      const key = word(/[\s{}]/)
      if (!key) fail('a branch without its key')
      skipSpace()
      expect('{')
      branches[key] = sequence(kind === 'plural' || inPlural, true)
      expect('}')
    }
    at++
    if (!branches.other) fail(`a ${kind} without its "other" branch`)
    return { name, kind: kind as 'plural' | 'select', branches }
  }

  return sequence(false, false)
}

/**
 * A parsed message filled with `values`, as pieces: strings, and values that are not strings or
 * numbers (a template to render) as they are. A placeholder with no value stays as `{name}`, so
 * that a message given the wrong names shows it rather than failing.
 */
export function fillMessage(nodes: readonly MessageNode[], values: MessageValues, rules: NumberRules, count?: number): unknown[] {
  const out: unknown[] = []
  const put = (piece: unknown) => {
    if (typeof piece === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += piece
    else out.push(piece)
  }
  const valueOf = (name: string) => (Object.hasOwn(values, name) ? values[name] : undefined)
  for (const node of nodes) {
    if (typeof node === 'string') put(node)
    else if ('hash' in node) put(count === undefined ? '#' : rules.number(count))
    else if (!('kind' in node)) {
      const value = valueOf(node.name)
      put(value === undefined ? `{${node.name}}` : typeof value === 'number' ? rules.number(value) : value)
    } else {
      const value = valueOf(node.name)
      const branch = node.kind === 'plural' ? pluralBranch(node.branches, Number(value), rules) : (Object.hasOwn(node.branches, String(value)) ? node.branches[String(value)]! : node.branches.other!)
      for (const piece of fillMessage(branch, values, rules, node.kind === 'plural' ? Number(value) : count)) put(piece)
    }
  }
  return out
}

/** The branch for `n`: an exact `=n` first, then its plural category, then `other`. */
function pluralBranch(branches: Readonly<Record<string, readonly MessageNode[]>>, n: number, rules: NumberRules): readonly MessageNode[] {
  const own = (key: string) => (Object.hasOwn(branches, key) ? branches[key] : undefined)
  return own(`=${n}`) ?? (Number.isFinite(n) ? own(rules.plural(n)) : undefined) ?? branches.other!
}
