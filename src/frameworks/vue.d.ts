// <diplomatic-timeline> in Vue's templates: `import type {} from 'diplomatic-timeline/vue'` once,
// and tell Vue's compiler the tags are custom elements (see the README's Vue recipe).
import type { DefineComponent } from 'vue'
import type { TimelineRangeChangeDetail, TimelineSelectDetail } from '../../components/diplomatic-timeline.ts'
import type { EditorAttributes, TimelineAttributes } from './attributes.d.ts'

declare module 'vue' {
  interface GlobalComponents {
    'diplomatic-timeline': DefineComponent<TimelineAttributes & {
      'onTimeline-select'?: (event: CustomEvent<TimelineSelectDetail>) => void
      'onTimeline-range-change'?: (event: CustomEvent<TimelineRangeChangeDetail>) => void
    }>
    'diplomatic-timeline-editor': DefineComponent<EditorAttributes>
  }
}
