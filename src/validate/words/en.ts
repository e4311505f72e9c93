// The validator's problems in English: the source of their keys and of the placeholders each
// takes (another language's message takes the same ones). The validator writes every problem's
// English `message` from these (see say.ts), so the text and the catalogue cannot differ.
// Messages are ICU MessageFormat, as the element's own catalogues (src/i18n/message-format.ts).
// Values that are data go in as they are, quoted as JSON where the data was text: ids, field
// names, values, lists of what is allowed, JSON punctuation ({token}). Counts are numbers.
// Keys under "syntax." say what breaks JSON's syntax, inside jsonSyntax's {what}; those under
// "edtf." word the date module's refusals (src/dates/edtf.ts), which it writes before the first
// paint: their placeholders are read back from its text (see dateSaid), so they take no plural or select.

export const en = {
  emptyFile: 'the file is empty: expected a JSON object',
  tooDeep: 'nesting deeper than {levels, plural, one {# level} other {# levels}}: this is not an event dataset',
  duplicateKey: 'duplicate key {key} in one object (JSON keeps only the last)',
  /** {what}: a "syntax." message, or the JSON parser's own words. */
  jsonSyntax: 'JSON syntax error: {what}',
  'syntax.InvalidSymbol': 'unexpected character',
  'syntax.InvalidNumberFormat': 'invalid number',
  'syntax.PropertyNameExpected': 'expected a property name in double quotes',
  'syntax.ValueExpected': 'expected a value',
  'syntax.ColonExpected': 'expected {token} after the property name',
  'syntax.CommaExpected': 'expected {token} between items',
  'syntax.CloseBraceExpected': 'expected {token} to close the object',
  'syntax.CloseBracketExpected': 'expected {token} to close the array',
  'syntax.EndOfFileExpected': 'unexpected text after the end of the JSON value',
  'syntax.InvalidCommentToken': 'comments are not allowed in JSON',
  'syntax.UnexpectedEndOfComment': 'unterminated comment',
  'syntax.UnexpectedEndOfString': 'unterminated string',
  'syntax.UnexpectedEndOfNumber': 'unterminated number',
  'syntax.InvalidUnicode': 'invalid \\u escape in a string',
  'syntax.InvalidEscapeCharacter': 'invalid escape character in a string',
  'syntax.InvalidCharacter': 'control character in a string (write it as an escape such as \\n)',
  /** An error of the JSON reader that has no words of its own: its code. */
  'syntax.code': '{code}',
  /** {what}: another "syntax." message; {found}: the character, quoted. */
  'syntax.found': '{what}: unexpected {found}',
  'syntax.endOfFile': 'unexpected end of file',
  'syntax.atEnd': 'unexpected end of file: {what}',
  'syntax.singleQuotes': 'strings and property names need double quotes, not single quotes',
  'syntax.trailingComma': 'trailing comma before {found}',

  /** The last problem of a list cut short. */
  moreProblems: '…and {count, plural, one {# more problem} other {# more problems}} from here on, not listed',
  /** {error}: the browser's or Node's own words. */
  notJson: 'the data cannot be written as JSON: {error}',
  checkFailed: 'could not validate the dataset: {error}',
  /** {type}: what JavaScript calls the value given (typeof). */
  notText: 'expected the dataset as text, got {type}',

  /** {field}: the field's name, or "tags[1]" for an item; {value}: the value, as JSON; {allowed}: the values allowed, with commas. */
  invalidChoice: 'invalid {field} {value} (expected one of {allowed})',
  invalidChoiceNear: 'invalid {field} {value} (expected one of {allowed}): did you mean {near}?',
  /** {got}: a "value" message. */
  notObject: 'the dataset must be a JSON object, not {got}',
  /** {expected}: a JSON Schema type; {got}: a "value" message. */
  wrongType:
    'invalid {field}: expected {expected, select, object {an object} array {an array} string {text} integer {a whole number} number {a number} boolean {true or false} other {{expected}}}, got {got}',
  /** What a value is, for "expected X, got Y": {kind} is null, array, object or what JavaScript calls it (typeof); {value} the value, as JSON. */
  value: '{kind, select, null {null} array {an array} object {an object} string {the text {value}} number {the number {value}} boolean {boolean {value}} other {{kind} {value}}}',
  /** {name}: the field, quoted; {field} and {id}: the object that lacks it. */
  missingField: 'missing required field {name} in the dataset',
  missingFieldIn: 'missing required field {name} in {field}',
  missingFieldInItem: 'missing required field {name} in {field} {id}',
  unknownField: 'unknown field {name} (allowed: {allowed}, or a custom field starting with "x-")',
  unknownFieldNear: 'unknown field {name}: did you mean {near}? (allowed: {allowed}, or a custom field starting with "x-")',
  blank: '{field} must not be blank',
  /** Text that does not have the form a field's pattern asks for, by the pattern's name in the schema. */
  'pattern.Id': 'invalid {field} {value} (expected lowercase letters, digits and hyphens, such as "convoy-attack")',
  'pattern.CalendarDate': 'invalid {field} {value} (expected a calendar date as YYYY-MM-DD)',
  'pattern.Url': 'invalid {field} {value} (expected an http://, https:// or mailto: address)',
  'pattern.CountryCode': 'invalid {field} {value} (expected an ISO 3166-1 alpha-3 country code such as "SYR")',
  'pattern.cameo': 'invalid {field} {value} (expected a CAMEO code of two to four digits, such as "195")',
  'pattern.language': 'invalid {field} {value} (expected a BCP 47 language tag such as "en" or "fr-CA")',
  /** A pattern with no words of its own: {pattern} is the regular expression. */
  pattern: 'invalid {field} {value} (expected text matching {pattern})',
  atLeast: 'invalid {field} {value} (expected at least {limit})',
  atMost: 'invalid {field} {value} (expected at most {limit})',
  /** What the schema validator said, in its words (English). */
  invalid: 'invalid {field}: {reason}',

  /** {kind}: source, actor or event; {id}: the id, quoted; {first}: where it is first used, as "actors[3]". */
  duplicateId: 'duplicate {kind, select, source {source} actor {actor} event {event} other {{kind}}} id {id} (already used by {first})',
  unknownId: 'unknown {kind, select, source {source} actor {actor} event {event} other {{kind}}} {id}',
  unknownIdNear: 'unknown {kind, select, source {source} actor {actor} event {event} other {{kind}}} {id}: did you mean {near}?',
  /** {cycle}: the actors' ids along partOf, back to the first, as "usa → kerry → usa". */
  partOfItself: 'actor {actor} is part of itself ({cycle})',
  /** A long cycle: {cycle} holds its first five ids, {more} counts the others, {start} is the first again. */
  partOfItselfLong: 'actor {actor} is part of itself ({cycle} → … {more} more → {start})',
  /** The figures and the field names low, best and high are as in the data. */
  lowAboveHigh: 'fatalities low ({low}) is above high ({high})',
  bestBelowLow: 'fatalities best ({best}) is below low ({low})',
  bestAboveHigh: 'fatalities best ({best}) is above high ({high})',
  /** {type}: the relation's type, quoted. */
  selfRelation: 'relation {type} links event {event} to itself',

  /** {date}: the date as written, quoted (cut short when long). */
  'edtf.empty': 'empty EDTF date',
  'edtf.invalid': 'invalid EDTF date {date}',
  'edtf.yearDigits': 'invalid EDTF date {date}: a year of {digits} digits is outside the years a timeline can place (-271820 to 275759)',
  'edtf.tooLong': 'invalid EDTF date {date}: {length} characters, where a date has at most {max}',
  'edtf.needsGrammar': '{date} needs the general EDTF grammar, which is not loaded',
  /** {found}: the character, quoted; {at}: its position in the date, from 1. */
  'edtf.unexpected': 'invalid EDTF date {date}: unexpected {found} at character {at}',
  'edtf.unexpectedEnd': 'invalid EDTF date {date}: unexpected end at character {at}',
  'edtf.outside': 'invalid EDTF date {date}: outside the years a timeline can place (-271820 to 275759)',
  'edtf.noEnd': 'invalid EDTF date {date}: an interval needs at least one end',
  'edtf.intervalBackwards': 'invalid EDTF date {date}: the interval ends before it starts',
  'edtf.rangeBackwards': 'invalid EDTF date {date}: a range in the set ends before it starts',
  /** {day}: the day of the month, as written. */
  'edtf.noDay': 'invalid EDTF date {date}: there is no day {day} in that month',
  'edtf.needsZone': 'invalid EDTF date {date}: a time needs a zone, such as Z or +02:00',
  /** {reason}: what the EDTF reader said, in its words (English). */
  'edtf.other': 'invalid EDTF date {date}: {reason}',
} as const

/** The name of a problem message. */
export type ProblemKey = keyof typeof en

/** A language's problem messages: every key English has, and no other. */
export type ProblemCatalogue = Readonly<Record<ProblemKey, string>>
