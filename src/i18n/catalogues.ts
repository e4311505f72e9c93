import { ar } from './ar.ts'
import { en, type Catalogue } from './en.ts'
import { es } from './es.ts'
import { fr } from './fr.ts'
import { useCatalogue, type Language } from './messages.ts'
import { ru } from './ru.ts'

// Every catalogue at once, for code with no reason to fetch them one by one (Node, tests): the
// element loads only the one its page asks for.

/** The languages with a catalogue, by BCP 47 tag. */
export const catalogues = { en, fr, ar, ru, es } as const satisfies Record<Language, Catalogue>

for (const [language, catalogue] of Object.entries(catalogues)) useCatalogue(language as Language, catalogue)
