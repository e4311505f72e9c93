import { afterEach, describe, expect, it } from 'vitest'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { mountTimeline as mount } from './mount.ts'

/** The Syria events' titles in Arabic, so that the Arabic page lays out right-to-left labels. */
const arabicTitles: Record<string, string> = {
  'syrian-civil-war': 'الحرب الأهلية في سوريا',
  'kerry-lavrov-deal': 'كيري ولافروف يتوصلان إلى اتفاق بشأن سوريا',
  'truce-begins': 'الهدنة تدخل حيز التنفيذ في سوريا',
  'joint-center-envisioned': 'لم يُنشأ مركز الضربات الأمريكي الروسي المشترك',
  'coalition-air-strike': 'غارة للتحالف بقيادة الولايات المتحدة تقتل 62 جنديًا سوريًا',
  'strike-halted': 'التحالف يوقف الغارة بعد أن أبلغت روسيا الولايات المتحدة',
  'russia-syria-call-strike-proof': 'روسيا وسوريا تعتبران الغارة دليلًا على دعم أمريكا للمتطرفين',
  'government-declares-truce-over': 'الحكومة السورية تعلن انتهاء وقف إطلاق النار',
  'convoy-attack': 'الهجوم على قافلة مساعدات ومقتل نحو 20 مدنيًا',
  'us-blames-russia-syria': 'الولايات المتحدة تحمّل روسيا وسوريا مسؤولية الهجوم على القافلة',
  'russia-syria-deny': 'روسيا وسوريا تنفيان أي تورط في الهجوم على القافلة',
  'kirby-statement': 'كيربي: الولايات المتحدة ستعيد تقييم التعاون مع روسيا',
  'un-suspends-aid': 'الأمم المتحدة تعلّق جميع شحنات المساعدات',
  'kerry-lavrov-hotel-meeting': 'كيري ولافروف يلتقيان في فندق بنيويورك',
  'issg-meeting': 'المجموعة الدولية لدعم سوريا: الهدنة لم تمت',
  'kerry-not-dead': 'كيري: «وقف إطلاق النار لم يمت»',
  'johnson-only-show': 'جونسون: «إنه العرض الوحيد في المدينة»',
  'de-mistura-statement': 'دي ميستورا: وقف إطلاق النار «في خطر» والهجوم على القافلة «يغيّر قواعد اللعبة»',
  'ayrault-statement': 'إيرولت: المفاوضات الأمريكية الروسية «بلغت حدودها»',
  'friday-meeting': 'المحادثات تُستأنف يوم الجمعة',
}
const inArabic = () => ({ ...syria, language: 'ar', events: syria.events.map((e) => ({ ...e, title: arabicTitles[e.id]! })) })

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const plot = (el: DiplomaticTimeline) => root(el).querySelector<SVGSVGElement>('svg.plot')!

/** Every kind of text the plot draws, by what it is. */
const kinds = {
  mark: '.mark text:not(.badge-text)',
  lane: '.lane-label',
  tick: '.tick text',
  period: '.period text',
  'as of': '.as-of text',
  verb: '.link .verb',
} as const

interface Box { kind: string; text: string; left: number; right: number; top: number; bottom: number }

/** The plot's non-empty texts and their boxes on the screen. */
function textBoxes(el: DiplomaticTimeline): Box[] {
  const boxes: Box[] = []
  for (const [kind, selector] of Object.entries(kinds)) {
    for (const node of plot(el).querySelectorAll<SVGTextElement>(selector)) {
      const text = node.textContent?.trim() ?? ''
      if (text === '') continue
      const { left, right, top, bottom } = node.getBoundingClientRect()
      boxes.push({ kind, text, left, right, top, bottom })
    }
  }
  return boxes
}

const round = (n: number) => Math.round(n * 10) / 10
const describeBox = (b: Box) => `${b.kind} "${b.text}" [x ${round(b.left)}–${round(b.right)}, y ${round(b.top)}–${round(b.bottom)}]`

/** Each pair of boxes that share more than 1 px in both directions, named. */
function overlaps(boxes: readonly Box[]): string[] {
  const found: string[] = []
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left)
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
      if (across > 1 && down > 1) found.push(`${describeBox(a)} overlaps ${describeBox(b)}`)
    }
  })
  return found
}

/** Each box that the plot's left or right edge cuts, named with the plot's edges. */
function cutAtEdges(el: DiplomaticTimeline, boxes: readonly Box[]): string[] {
  const { left, right } = plot(el).getBoundingClientRect()
  return boxes.filter((b) => b.left < left - 1 || b.right > right + 1).map((b) => `${describeBox(b)} is cut by the plot's edges [x ${round(left)}–${round(right)}]`)
}

/** The plot at `width` px, drawn at that width. */
async function resize(el: DiplomaticTimeline, width: number) {
  el.style.width = `${width}px`
  await expect.poll(() => Number(plot(el).getAttribute('width'))).toBe(width)
  await el.updateComplete
}

/** Selects convoy-attack and waits for its relations' verbs. */
async function selectConvoy(el: DiplomaticTimeline) {
  el.selected = 'convoy-attack'
  await expect.poll(() => plot(el).querySelectorAll('.link .verb').length).toBeGreaterThan(0)
  await el.updateComplete
}

/**
 * Asserts that the plot's texts are apart and inside it, and that it drew texts of each kind
 * expected; softly, so that a failure reports every view of the test, each named by `view`.
 */
function expectLegible(el: DiplomaticTimeline, view: string, expectedKinds: readonly string[]) {
  const boxes = textBoxes(el)
  expect.soft(new Set(boxes.map((b) => b.kind)), `kinds of text ${view}`).toEqual(new Set(expectedKinds))
  expect.soft(overlaps(boxes), `texts over others ${view}`).toEqual([])
  expect.soft(cutAtEdges(el, boxes), `texts cut ${view}`).toEqual([])
}

/** Each page, with the script each kind of its text is written in: the page is in its language. */
const pages: Array<{ name: string; data: () => unknown; attributes: Record<string, string>; scripts: Partial<Record<keyof typeof kinds, RegExp>> }> = [
  { name: 'French', data: () => syria, attributes: { locale: 'fr' }, scripts: { lane: /^[\p{Script=Latin}\P{L}]+$/u } },
  { name: 'Arabic, right to left, with Arabic titles', data: inArabic, attributes: { locale: 'ar', dir: 'rtl' }, scripts: { lane: /^[\p{Script=Arabic}\P{L}]+$/u, mark: /^[\p{Script=Arabic}\P{L}]+$/u } },
  { name: 'Russian', data: () => syria, attributes: { locale: 'ru' }, scripts: { lane: /^[\p{Script=Cyrillic}\P{L}]+$/u } },
]

afterEach(() => document.body.replaceChildren())

for (const page of pages) {
  describe(`<diplomatic-timeline> in ${page.name}: no text of the plot covers another or is cut`, () => {
    for (const width of [1000, 736, 375]) {
      it(`keeps every label apart and inside the plot ${width} px wide, with and without a selected event`, async () => {
        const el = await mount(page.data(), page.attributes)
        await resize(el, width)
        for (const [kind, script] of Object.entries(page.scripts)) {
          const texts = textBoxes(el).filter((b) => b.kind === kind).map((b) => b.text)
          expect(texts.length).toBeGreaterThan(0)
          expect(texts.filter((t) => !script.test(t)), `${kind} texts not in the page's script`).toEqual([])
        }
        expectLegible(el, 'with no event selected', ['mark', 'lane', 'tick', 'period', 'as of'])
        await selectConvoy(el)
        expectLegible(el, 'with convoy-attack selected', ['mark', 'lane', 'tick', 'period', 'as of', 'verb'])
      })
    }
  })
}
