import { describe, expect, it } from 'vitest'
import { clearDraft, loadDraft, saveDraft } from '../../src/editor/draft.ts'

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

describe('drafts', () => {
  it('come back as they were saved', () => {
    const store = memory()
    expect(saveDraft(store, 'k', { text: '{"a": 1}', savedAt: 5, name: 'a.json' })).toBeNull()
    expect(loadDraft(store, 'k')).toEqual({ text: '{"a": 1}', savedAt: 5, name: 'a.json' })
    clearDraft(store, 'k')
    expect(loadDraft(store, 'k')).toBeNull()
  })

  it('say why they could not be saved when storage is full, and keep the previous draft', () => {
    const store = memory(100)
    saveDraft(store, 'k', { text: 'small', savedAt: 1, name: 'a.json' })
    expect(saveDraft(store, 'k', { text: 'x'.repeat(200), savedAt: 2, name: 'a.json' })).toMatch(/quota/)
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
