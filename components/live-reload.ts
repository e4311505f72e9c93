// Dev server only (`npm start`): when a JSON file is saved, every timeline showing it fetches it
// again, keeping its zoom and selection. A production build drops this code.
import type { DiplomaticTimeline } from './diplomatic-timeline.ts'

if (import.meta.hot) {
  import.meta.hot.on('dataset-change', ({ url }: { url: string }) => {
    for (const el of document.querySelectorAll<DiplomaticTimeline>('diplomatic-timeline')) {
      if (el.src && new URL(el.src, location.href).pathname === url) void el.reload()
    }
  })
}
