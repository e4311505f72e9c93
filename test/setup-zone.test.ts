import { describe, expect, it } from 'vitest'

describe('test time zone', () => {
  it('is pinned to a zone far from UTC, so a local-time leak fails', () => {
    expect(['America/Los_Angeles', 'Pacific/Kiritimati']).toContain(process.env.TZ)
    expect(new Date(Date.UTC(2016, 8, 19)).getTimezoneOffset()).not.toBe(0)
  })
})
