/**
 * Makes ids that fit the dataset's pattern (`^[a-z0-9][a-z0-9-]*$`) from any text, each unique
 * among those it has made: "Military Forces of Sudan (2011-2019)" → "military-forces-of-sudan-2011-2019",
 * then "…-2" for the next of that name. Letters lose their accents; text with no Latin letter
 * or digit ("قافلة") becomes the fallback, numbered.
 */
export class Slugs {
  private readonly taken = new Set<string>()

  constructor(private readonly fallback = 'item') {}

  /** Marks an id as used, so that a made one never repeats it. */
  reserve(id: string): void {
    this.taken.add(id)
  }

  /** A fresh id from the text: its slug, numbered when already taken. */
  make(text: string): string {
    const base = slug(text) || this.fallback
    let id = base
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`
    this.taken.add(id)
    return id
  }
}

/** The text as lower-case Latin letters, digits and single hyphens, at most 60 characters long ("" when none is left). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '')
}
