import { html, nothing, svg } from 'lit'

/**
 * The overview strip: the events' starts as bars (`bars`, one path) and the group d3-brush draws
 * the window in. Both are laid out left to right; when time runs right to left (`reversed`) their
 * group is mirrored, and d3's pointer, which reads the group's transform, brushes in its terms.
 */
export const overviewPart = (width: number, height: number, bars: string, reversed: boolean) =>
  html`<svg class="overview" part="overview" width=${width} height=${height} aria-hidden="true">
    <rect class="frame" x="0.5" y="0.5" width=${width - 1} height=${height - 1}></rect>
    <g transform=${reversed ? `matrix(-1 0 0 1 ${width} 0)` : nothing}>
      ${bars ? svg`<path class="bars" fill-opacity="0.6" d=${bars}></path>` : nothing}
      <g class="brush"></g>
    </g>
  </svg>`
