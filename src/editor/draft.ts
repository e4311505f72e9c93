import { messageOf } from '../message-of.ts'

/** An unsaved draft kept in the browser, so a reload or a crash loses nothing. */
export interface Draft {
  text: string
  /** When its text was last edited, in ms since the epoch. */
  savedAt: number
  /** The file name it belongs to. */
  name: string
  /** Counts the writes under its key, so that a tab can tell whether another wrote since it last read or wrote. */
  revision: number
  /** The last valid version of the text, kept while the text itself has problems, so the preview has it after a reload. */
  valid?: string
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Reads the draft under `key`; null when there is none or it is not one of ours. */
export function loadDraft(store: Store, key: string): Draft | null {
  try {
    return parseDraft(store.getItem(key))
  } catch {
    return null
  }
}

/** A draft from its stored form (a storage event's new value too); null when it is not one of ours. */
export function parseDraft(stored: string | null): Draft | null {
  try {
    const value: unknown = JSON.parse(stored ?? 'null')
    if (value === null || typeof value !== 'object') return null
    const { text, savedAt, name, revision, valid } = value as Record<string, unknown>
    if (typeof text !== 'string' || typeof savedAt !== 'number' || typeof name !== 'string') return null
    // Drafts written before revisions were counted read as revision 0.
    return { text, savedAt, name, revision: typeof revision === 'number' ? revision : 0, ...(typeof valid === 'string' ? { valid } : {}) }
  } catch {
    return null
  }
}

/** Writes the draft; returns why it could not (storage full or disabled), or null. */
export function saveDraft(store: Store, key: string, draft: Draft): string | null {
  try {
    store.setItem(key, JSON.stringify(draft))
    return null
  } catch (error) {
    return messageOf(error)
  }
}

export function clearDraft(store: Store, key: string): void {
  try {
    store.removeItem(key)
  } catch {
    // Storage that cannot be written holds no draft to clear.
  }
}

/** What a tab knows of its own text: the revision it last read or wrote, and when its text was last edited. */
export interface TabText {
  revision: number
  editedAt: number
}

/**
 * Whether a tab's edited text may replace the stored draft: when no other tab wrote since this
 * one last read or wrote it, or when the stored text is older than this tab's last edit (an edit
 * in the same millisecond is not known to be newer). So a tab closed or hidden after another
 * edited never puts its older text over the newer draft.
 * @example mayReplace(loadDraft(localStorage, key), { revision: 3, editedAt: Date.now() })
 */
export const mayReplace = (stored: Draft | null, tab: TabText): boolean =>
  stored === null || stored.revision <= tab.revision || stored.savedAt < tab.editedAt

/** The revision a write after `stored` carries: past both the stored one and the one the tab knew. */
export const nextRevision = (stored: Draft | null, tab: TabText): number => Math.max(stored?.revision ?? 0, tab.revision) + 1
