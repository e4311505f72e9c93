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
