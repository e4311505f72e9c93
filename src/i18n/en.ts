import { enFirst } from './en-first.ts'
import { enLater } from './en-later.ts'

// English: the source of the message keys, and of the placeholders each message takes (another
// language's message takes the same ones). Messages are ICU MessageFormat (see message-format.ts):
// whole sentences with placeholders, plurals by category. Keys under a prefix ("status.",
// "category.", …) name the values of the data's fields. The messages are in two files: those the
// first paint shows (en-first.ts), which load with the element, and those shown after some input
// (en-later.ts), fetched after the first paint.

/** Every English message. */
export const en = { ...enFirst, ...enLater }

/** The name of a message. */
export type MessageKey = keyof typeof en

/** A language's messages: every key English has, and no other (a missing key is a type error). */
export type Catalogue = Readonly<Record<MessageKey, string>>

// A key in both files would take its later message: this line fails to compile then.
true satisfies (Extract<keyof typeof enFirst, keyof typeof enLater> extends never ? true : never)
