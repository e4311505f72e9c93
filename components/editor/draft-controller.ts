import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { clearDraft, loadDraft, mayReplace, nextRevision, parseDraft, saveDraft, type Draft } from '../../src/editor/draft.ts'

const channelName = 'diplomatic-timeline-editor'

/** A clock time, for "Restored your draft from 14:05". */
export const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** Where drafts go; a page whose storage is disabled (a sandboxed frame) keeps none and says why on the first save. */
function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    return window.localStorage
  } catch (error) {
    return { getItem: () => null, setItem: () => { throw error }, removeItem: () => {} }
  }
}

export interface DraftOptions {
  /** The localStorage key of the draft. */
  key(): string
  text(): string
  name(): string
  /** The last valid version of the text, when the text itself is not it. */
  valid(): string | undefined
  /** The text the editor opened with: that text needs no draft. */
  original(): string
  /** Says that the draft could not be kept, and why. */
  failed(reason: string): void
}

/**
 * The unsaved draft in localStorage, written a moment after each edit and when the page is
 * hidden or closed, and the other tabs that have the same draft open (BroadcastChannel and
 * storage events). A tab writes only text edited since it last read or wrote the draft, and
 * never over a draft another tab edited later.
 */
export class DraftController implements ReactiveController {
  /** A warning that another tab has this draft open, or changed it; null when none does. */
  conflict: string | null = null
  private channel?: BroadcastChannel
  private timer?: ReturnType<typeof setTimeout>
  private readonly tab = Math.random().toString(36).slice(2)
  /** The revision of the draft this tab last read or wrote. */
  private revision = 0
  /** When the text was last edited, while that edit is not yet in the draft; null when the draft holds every edit. */
  private editedAt: number | null = null

  constructor(private readonly host: ReactiveControllerHost, private readonly options: DraftOptions) {
    host.addController(this)
  }

  hostConnected() {
    window.addEventListener('storage', this.onStorage)
    // Closing the tab does not disconnect the element: keep the last keystrokes before it goes.
    window.addEventListener('pagehide', this.flush)
    document.addEventListener('visibilitychange', this.onVisibility)
    if ('BroadcastChannel' in window) {
      this.channel = new BroadcastChannel(channelName)
      this.channel.onmessage = this.onChannel
      this.channel.postMessage({ type: 'hello', key: this.options.key(), tab: this.tab })
    }
  }

  hostDisconnected() {
    window.removeEventListener('storage', this.onStorage)
    window.removeEventListener('pagehide', this.flush)
    document.removeEventListener('visibilitychange', this.onVisibility)
    this.channel?.close()
    this.flush()
  }

  /** The draft kept under the key, to start from; this tab's text is then that draft's revision. */
  restore(): Draft | null {
    const draft = loadDraft(storage(), this.options.key())
    this.revision = draft?.revision ?? 0
    this.editedAt = null
    return draft
  }

  /** Notes an edit, and keeps the draft once typing stops for a moment. */
  edited() {
    this.editedAt = Date.now()
    clearTimeout(this.timer)
    this.timer = setTimeout(this.flush, 400)
  }

  /** Writes the text into the draft now, if it holds edits the draft lacks and no later edit from another tab is there. */
  flush = () => {
    clearTimeout(this.timer)
    const editedAt = this.editedAt
    if (editedAt === null) return
    const store = storage()
    const key = this.options.key()
    const text = this.options.text()
    const stored = loadDraft(store, key)
    this.editedAt = null
    if (stored?.text === text) {
      this.revision = stored.revision
      return
    }
    if (!stored && text === this.options.original()) return
    if (!mayReplace(stored, { revision: this.revision, editedAt })) return
    const draft: Draft = { text, savedAt: editedAt, name: this.options.name(), revision: nextRevision(stored, { revision: this.revision, editedAt }) }
    const valid = this.options.valid()
    let failure = saveDraft(store, key, valid === undefined ? draft : { ...draft, valid })
    // Without room for both, the text comes first.
    if (failure && valid !== undefined) failure = saveDraft(store, key, draft)
    if (failure) {
      this.editedAt = editedAt
      this.options.failed(failure)
    } else this.revision = draft.revision
  }

  discard() {
    clearTimeout(this.timer)
    this.editedAt = null
    clearDraft(storage(), this.options.key())
  }

  /** A tab put in the background may be closed without a pagehide: keep the draft then, not when it comes back. */
  private onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush()
  }

  private onChannel = (message: MessageEvent<{ type: string; key: string; tab: string }>) => {
    const { type, key, tab } = message.data ?? {}
    if (key !== this.options.key() || tab === this.tab) return
    // An older tab answers a newer one; the newer one warns, as it is the one about to overwrite.
    if (type === 'hello') this.channel?.postMessage({ type: 'here', key, tab: this.tab })
    if (type === 'here') this.warn('This draft is also open in another tab. Edits in both tabs overwrite each other’s draft: keep editing in one.')
  }

  private onStorage = (event: StorageEvent) => {
    if (event.key !== this.options.key() || event.newValue === null) return
    const draft = parseDraft(event.newValue)
    if (draft && draft.text !== this.options.text()) this.warn(`Another tab changed this draft at ${time(draft.savedAt)}. Your next edit here will overwrite it.`)
  }

  private warn(message: string) {
    this.conflict = message
    this.host.requestUpdate()
  }
}
