import { expect } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'

/**
 * A 1000 px wide timeline given a copy of `data`, once it is drawn at its width (the ticks come
 * after the ResizeObserver) and the data is validated.
 */
export async function mountTimeline(data: unknown, attributes: Record<string, string> = {}): Promise<DiplomaticTimeline> {
  const el = document.createElement('diplomatic-timeline')
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v)
  el.style.width = '1000px'
  el.data = structuredClone(data)
  document.body.append(el)
  await expect.poll(() => el.shadowRoot?.querySelectorAll('.tick text').length ?? 0).toBeGreaterThan(2)
  await el.validation
  await el.updateComplete
  return el
}
