// d3's behaviours for zooming, panning and brushing, in a chunk of their own: the first paint
// draws without them, and they are attached as soon as they arrive (see view.ts).
export { zoom, zoomIdentity } from 'd3-zoom'
export { brushX } from 'd3-brush'
export { pointer, select } from 'd3-selection'
