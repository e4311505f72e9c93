import type { Event, EventDataset } from '../src/model/index.ts'

const dayMs = 86_400_000
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const month = (iso: string) => {
  const [year, m] = iso.split('-').map(Number) as [number, number]
  return [Date.UTC(year, m - 1, 1), Date.UTC(year, m, 1)] as const
}
/** The instants a day (`2016-09-19`) or month (`2016-09`) covers, end excluded. */
const covers = (iso: string): readonly [number, number] => (iso.length === 7 ? month(iso) : [day(iso), day(iso) + dayMs])

/**
 * The instants an event of bench/synthetic.ts covers, end excluded: its EDTF forms only (a day, a
 * month, `a/b`, `[a..b]`, each maybe with `~` or `?`), read without the project's date code so that
 * the peers' data does not depend on the element's internals. Unknown forms throw.
 * @example eventRange('2016-09') // [Date.UTC(2016, 8, 1), Date.UTC(2016, 9, 1)]
 */
export function eventRange(edtf: string): [number, number] {
  const plain = edtf.replace(/[~?]$/, '')
  const parts = /^\[(.+)\.\.(.+)\]$/.exec(plain)?.slice(1) ?? plain.split('/')
  if (parts.length > 2 || !parts.every((p) => /^\d{4}-\d{2}(-\d{2})?$/.test(p))) throw new Error(`the peers' data cannot place the date ${edtf}`)
  return [covers(parts[0]!)[0], covers(parts.at(-1)!)[1]]
}

/** The categories present, in a fixed order: each is a group (a lane) in both peers. */
const categoriesOf = (events: readonly Event[]) => [...new Set(events.map((e) => e.category))].sort()

/** vis-timeline's model: an item per event, from its first to its last instant, in its category's group, titled. */
export function visTimelineData({ events }: EventDataset) {
  const groups = categoriesOf(events).map((category) => ({ id: category, content: category }))
  const items = events.map((event) => {
    const [start, end] = eventRange(event.date.edtf)
    return { id: event.id, content: event.title, start: new Date(start), end: new Date(end), group: event.category }
  })
  return { groups, items }
}

interface Segment { timeRange: [Date, Date]; val: string }

/** Lines by the instant each comes free, earliest first: a binary min-heap. */
class LinesByEnd {
  private heap: Array<{ end: number; line: number }> = []

  get size() {
    return this.heap.length
  }

  firstEnd() {
    return this.heap[0]!.end
  }

  push(end: number, line: number) {
    const heap = this.heap
    heap.push({ end, line })
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1
      if (heap[parent]!.end <= end) return
      ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
      i = parent
    }
  }

  /** Takes out the line that comes free first. */
  pop(): number {
    const heap = this.heap
    const { line } = heap[0]!
    const last = heap.pop()!
    if (heap.length === 0) return line
    heap[0] = last
    for (let i = 0; ; ) {
      const [left, right] = [2 * i + 1, 2 * i + 2]
      let least = i
      if (left < heap.length && heap[left]!.end < heap[least]!.end) least = left
      if (right < heap.length && heap[right]!.end < heap[least]!.end) least = right
      if (least === i) return line
      ;[heap[i], heap[least]] = [heap[least]!, heap[i]!]
      i = least
    }
  }
}

/**
 * timelines-chart's model: a group per category, and in it labelled lines on which no two events
 * overlap (a line of segments shows one state at a time), as the timeline's rows within a lane.
 * Each event goes on the line that came free first, or a new one (interval partitioning: the
 * fewest lines); its colour is its status.
 */
export function timelinesChartData({ events }: EventDataset) {
  return categoriesOf(events).map((category) => {
    const placed = events.filter((e) => e.category === category).map((e) => ({ range: eventRange(e.date.edtf), val: e.status }))
      .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
    const lines: Segment[][] = []
    const free = new LinesByEnd()
    for (const { range, val } of placed) {
      const line = free.size > 0 && free.firstEnd() <= range[0] ? free.pop() : lines.push([]) - 1
      lines[line]!.push({ timeRange: [new Date(range[0]), new Date(range[1])], val })
      free.push(range[1], line)
    }
    return { group: category, data: lines.map((data, i) => ({ label: `row ${i + 1}`, data })) }
  })
}
