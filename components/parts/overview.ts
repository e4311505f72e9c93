import { html, nothing, svg } from 'lit'

/** The overview strip: the events' starts as bars (`bars`, one path) and the group d3-brush draws the window in. */
export const overviewPart = (width: number, height: number, bars: string) =>
  html`<svg class="overview" part="overview" width=${width} height=${height} aria-hidden="true">
    <rect class="frame" x="0.5" y="0.5" width=${width - 1} height=${height - 1}></rect>
    ${bars ? svg`<path class="bars" fill-opacity="0.6" d=${bars}></path>` : nothing}
    <g class="brush"></g>
  </svg>`
