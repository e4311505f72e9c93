// The attributes and the `data` property of <diplomatic-timeline>, as the framework typings give them.

export interface TimelineAttributes {
  src?: string
  data?: unknown
  'group-by'?: 'category' | 'actor' | 'none'
  selected?: string | null
  start?: string
  end?: string
  locale?: string
  'sync-url'?: boolean
  'stall-timeout'?: number
}

export interface EditorAttributes {
  src?: string
  'storage-key'?: string
}
