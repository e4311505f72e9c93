import type { Language } from '../../i18n/messages.ts'
import { ar } from './ar.ts'
import { en, type ProblemCatalogue } from './en.ts'
import { es } from './es.ts'
import { fr } from './fr.ts'
import { ru } from './ru.ts'

// Every problem catalogue at once, for code with no reason to fetch them one by one (Node, tests):
// the element fetches only the one its page asks for (see problem-words.ts).

/** The languages the validator's problems are written in, by BCP 47 tag: those of the element's catalogues. */
export const problemCatalogues = { en, fr, ar, ru, es } as const satisfies Record<Language, ProblemCatalogue>
