/** The locale used when none is given, or the one given is not a language tag. */
export const defaultLocale = 'en-GB'

/**
 * A locale that Intl accepts: the tag itself when it is a well-formed BCP 47 language tag
 * ("fr", "ar-EG"), else the default, with a warning that names the tag (Intl would throw a
 * RangeError on it, anywhere a date or number is formatted).
 * @example usableLocale('not a locale!') // 'en-GB', after a console warning
 */
export function usableLocale(tag: string | null | undefined, warn: (message: string) => void = console.warn): string {
  if (!tag) return defaultLocale
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? defaultLocale
  } catch {
    warn(`diplomatic-timeline: locale ${JSON.stringify(tag)} is not a language tag (like "fr" or "ar-EG"); using ${defaultLocale}`)
    return defaultLocale
  }
}

/** Scripts written right to left (ISO 15924), as Intl.Locale's likely script names them. */
const rightToLeft = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend'])

/**
 * Which way a locale's script is written: its likely script by Intl ("ar" → Arab, "ur" → Arab,
 * "az" → Latn), right to left for Arabic, Hebrew, Thaana and the like.
 * @example directionOf('ar-EG') // 'rtl'
 */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  try {
    return rightToLeft.has(new Intl.Locale(locale).maximize().script ?? '') ? 'rtl' : 'ltr'
  } catch {
    return 'ltr'
  }
}
