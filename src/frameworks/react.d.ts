// <diplomatic-timeline> in React's JSX (React 19, which sets a custom element's properties and
// listens to its events by name): `import type {} from 'diplomatic-timeline/react'` once.
import type { DiplomaticTimeline, TimelineRangeChangeDetail, TimelineSelectDetail } from '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimelineEditor } from '../../components/diplomatic-timeline-editor.ts'
import type { DetailedHTMLProps, HTMLAttributes } from 'react'
import type { EditorAttributes, TimelineAttributes } from './attributes.d.ts'

/** The element's attributes, its `data` property and its events (as `ontimeline-select`, the event's own name). */
interface TimelineProps extends DetailedHTMLProps<HTMLAttributes<DiplomaticTimeline>, DiplomaticTimeline>, TimelineAttributes {
  'ontimeline-select'?: (event: CustomEvent<TimelineSelectDetail>) => void
  'ontimeline-range-change'?: (event: CustomEvent<TimelineRangeChangeDetail>) => void
}

type EditorProps = DetailedHTMLProps<HTMLAttributes<DiplomaticTimelineEditor>, DiplomaticTimelineEditor> & EditorAttributes

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'diplomatic-timeline': TimelineProps
      'diplomatic-timeline-editor': EditorProps
    }
  }
}
