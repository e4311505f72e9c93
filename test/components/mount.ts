import { expect } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import { languageFor, loadLanguage } from '../../src/i18n/index.ts'

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
  // A page in another language shows English until its catalogue has arrived.
  if (attributes.locale) {
    await loadLanguage(languageFor(attributes.locale))
    await new Promise((resolve) => setTimeout(resolve))
  }
  await el.updateComplete
  return el
}
