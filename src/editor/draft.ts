import { messageOf } from '../message-of.ts'

/** An unsaved draft kept in the browser, so a reload or a crash loses nothing. */
export interface Draft {
  text: string
  /** When it was written, in ms since the epoch. */
  savedAt: number
  /** The file name it belongs to. */
  name: string
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Reads the draft under `key`; null when there is none or it is not one of ours. */
export function loadDraft(store: Store, key: string): Draft | null {
  try {
    const value: unknown = JSON.parse(store.getItem(key) ?? 'null')
    if (value === null || typeof value !== 'object') return null
    const { text, savedAt, name } = value as Record<string, unknown>
    return typeof text === 'string' && typeof savedAt === 'number' && typeof name === 'string' ? { text, savedAt, name } : null
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
