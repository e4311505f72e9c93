import { describe, expect, it } from 'vitest'
import { clearDraft, loadDraft, mayReplace, nextRevision, parseDraft, saveDraft, type Draft } from '../../src/editor/draft.ts'

function memory(limit = Infinity) {
  const items = new Map<string, string>()
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > limit) throw new Error('QuotaExceededError: the quota has been exceeded')
      items.set(k, v)
    },
    removeItem: (k: string) => void items.delete(k),
  }
}

const draft = (savedAt: number, revision: number, text = 'x'): Draft => ({ text, savedAt, name: 'a.json', revision })

describe('drafts', () => {
  it('come back as they were saved, with their revision and last valid version', () => {
    const store = memory()
    expect(saveDraft(store, 'k', { text: '{"a": 1', savedAt: 5, name: 'a.json', revision: 2, valid: '{"a": 1}' })).toBeNull()
    expect(loadDraft(store, 'k')).toEqual({ text: '{"a": 1', savedAt: 5, name: 'a.json', revision: 2, valid: '{"a": 1}' })
    clearDraft(store, 'k')
    expect(loadDraft(store, 'k')).toBeNull()
  })

  it('read a draft stored before revisions were counted as revision 0', () => {
    expect(parseDraft('{"text": "t", "savedAt": 1, "name": "a.json"}')).toEqual({ text: 't', savedAt: 1, name: 'a.json', revision: 0 })
  })

  it('say why they could not be saved when storage is full, and keep the previous draft', () => {
    const store = memory(100)
    saveDraft(store, 'k', draft(1, 1, 'small'))
    expect(saveDraft(store, 'k', draft(2, 2, 'x'.repeat(200)))).toMatch(/quota/)
    expect(loadDraft(store, 'k')?.text).toBe('small')
  })

  it('ignore whatever else is stored under the key', () => {
    const store = memory()
    for (const junk of ['not json', '42', '{"text": 1}', 'null']) {
      store.setItem('k', junk)
      expect(loadDraft(store, 'k')).toBeNull()
    }
  })
})

describe('a tab writing its draft', () => {
  it('may write when nothing is stored, or when no other tab wrote since it last read or wrote', () => {
    expect(mayReplace(null, { revision: 0, editedAt: 1 })).toBe(true)
    expect(mayReplace(draft(50, 3), { revision: 3, editedAt: 10 })).toBe(true)
  })

  it('may write over another tab\'s draft older than its own last edit', () => {
    expect(mayReplace(draft(50, 4), { revision: 3, editedAt: 60 })).toBe(true)
  })

  it('may not write its older text over a draft another tab edited later', () => {
    expect(mayReplace(draft(50, 4), { revision: 3, editedAt: 40 })).toBe(false)
    expect(mayReplace(draft(50, 4), { revision: 3, editedAt: 50 })).toBe(false)
  })

  it('counts past both the stored revision and its own', () => {
    expect(nextRevision(null, { revision: 0, editedAt: 1 })).toBe(1)
    expect(nextRevision(draft(1, 4), { revision: 2, editedAt: 1 })).toBe(5)
    // After another tab cleared the draft, revisions still go up.
    expect(nextRevision(null, { revision: 7, editedAt: 1 })).toBe(8)
  })
})
