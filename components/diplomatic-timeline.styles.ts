import { css } from 'lit'

/** The light colours, from the page's --dt-* properties or their defaults. */
const light = css`
  --_fg: var(--dt-fg, #1d1d1f);
  --_muted: var(--dt-muted, #5f6368);
  --_bg: var(--dt-bg, #fff);
  --_accent: var(--dt-accent, #1f5fbf);
  --_planned: var(--dt-planned, #6f42a8);
  --_disputed: var(--dt-disputed, #b3261e);
  --_error: var(--dt-error, #a4161a);
`

/** The colours, light and dark, from the page's --dt-* properties or their defaults; the editor takes them too. */
export const palette = css`
  :host { ${light} }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--dt-fg, #e8e8ea);
      --_muted: var(--dt-muted, #a0a4ab);
      --_bg: var(--dt-bg, #17181a);
      --_accent: var(--dt-accent, #7fb0ff);
      --_planned: var(--dt-planned, #c3a4f0);
      --_disputed: var(--dt-disputed, #ff8a80);
      --_error: var(--dt-error, #ff8a80);
    }
  }
  /* Paper is white whatever the screen's scheme, and the colours print as they are. */
  @media print {
    :host { ${light} print-color-adjust: exact; }
  }
`

export const styles = css`
  ${palette}
  :host {
    display: block;
    position: relative;
    container-type: inline-size;
    font: 13px/1.4 var(--dt-font, system-ui, sans-serif);
    color: var(--_fg);
    background: var(--_bg);
  }
  [part='error'] { color: var(--_error); border: 1px solid currentColor; padding: 0.5rem 1rem; }
  .toolbar, .filters { display: flex; gap: 0.25rem 0.4rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.35rem; }
  .toolbar h2 { font-size: 1rem; margin: 0; margin-inline-end: auto; }
  input[type='search'], select { font: inherit; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_muted); border-radius: 4px; padding: 0.15rem 0.4rem; min-height: 1.75rem; box-sizing: border-box; }
  /* The search box and the buttons keep to one line: the box narrows first. */
  .controls { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 0.4rem; align-items: center; flex: 0 1 auto; min-width: 0; }
  .controls button { flex: none; }
  .downloads { position: relative; flex: none; }
  .downloads summary { cursor: pointer; padding: 0.1rem 0.4rem; border: 1px solid var(--_muted); border-radius: 4px; list-style: none; display: flex; align-items: center; justify-content: center; box-sizing: border-box; min-width: max(2rem, 24px); min-height: max(1.75rem, 24px); }
  .downloads .menu { position: absolute; inset-inline-end: 0; z-index: 3; display: grid; gap: 0.2rem; min-width: 12rem; padding: 0.4rem; background: var(--_bg); border: 1px solid var(--_muted); border-radius: 4px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.2); }
  .downloads .menu button { text-align: start; }
  .downloads .error { margin: 0.2rem 0 0; max-width: 16rem; color: var(--_error); }
  input[type='search'] { width: auto; max-width: 22rem; flex: 0 1 auto; min-width: 5rem; text-overflow: ellipsis; }
  button { font: inherit; color: var(--_fg); background: transparent; border: 1px solid var(--_muted); border-radius: 4px; padding: 0.1rem 0.5rem; min-width: max(2rem, 24px); min-height: max(1.75rem, 24px); cursor: pointer; }
  button[aria-pressed='true'] { background: var(--_accent); border-color: var(--_accent); color: var(--_bg); }
  button:focus-visible, input:focus-visible, select:focus-visible, .plot:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  .chip { border-radius: 999px; font-size: 12px; min-height: max(1.5rem, 24px); padding: 0 0.55rem; }
  .chip .count { opacity: 0.75; margin-inline-start: 0.25em; }
  .shown { color: var(--_muted); margin-inline-start: auto; }
  .toolbar summary:focus-visible, .filters summary:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  /* A button's icon stands in for its word in a narrow element (below). */
  .toolbar .icon { display: none; flex: none; fill: none; stroke: currentColor; stroke-width: 1.5; }
  .fold > summary {
    display: flex; align-items: center; gap: 0.3em; box-sizing: border-box; min-height: max(1.75rem, 24px); padding: 0.1rem 0.5rem;
    cursor: pointer; list-style: none; border: 1px solid var(--_muted); border-radius: 4px;
  }
  .fold > summary::-webkit-details-marker { display: none; }
  .fold > summary::after { content: '▾' / ''; }
  .fold[open] > summary::after { content: '▴' / ''; }
  /* The actor list and the chips: in a wide element, in the row as if the disclosure around them
     were not there, whatever its state; in a narrow one, folded behind its summary until opened.
     A browser without ::details-content keeps them behind the summary at every width. */
  @supports selector(::details-content) {
    .fold { display: contents; }
    .fold > summary { display: none; }
    .fold::details-content { display: contents; content-visibility: visible; }
    @container (max-width: 600px) {
      .fold > summary { display: flex; }
      .fold::details-content { display: flex; flex-wrap: wrap; gap: 0.25rem 0.4rem; align-items: center; flex: 1 1 100%; order: 2; }
      .fold:not([open])::details-content { content-visibility: hidden; }
      .fold[open]::details-content { margin-top: 0.1rem; }
      .filters .shown { order: 1; flex: 1 1 10rem; text-align: end; }
      .filters .shown .window { display: block; }
    }
    /* On paper the filters chosen are shown (the others are hidden below), folded or not. */
    @media print {
      .fold > summary { display: none; }
      .fold::details-content, .fold:not([open])::details-content { display: contents; content-visibility: visible; }
    }
  }
  /* In a narrow element the controls keep to one row: the buttons show icons, the search box takes the rest. */
  @container (max-width: 600px) {
    .toolbar h2 { flex: 1 1 100%; }
    .controls { flex: 1 1 100%; flex-wrap: nowrap; gap: 0.25rem; }
    .controls input[type='search'] { flex: 1 1 auto; width: 0; min-width: 3rem; }
    .controls > button, .downloads > summary { min-width: max(1.75rem, 24px); padding: 0; }
    .toolbar .compact { display: flex; align-items: center; justify-content: center; }
    .toolbar .compact .icon { display: block; }
    .toolbar .compact .word { display: none; }
  }
  .more { color: var(--_muted); margin: 0.5rem 0; }
  .more button { margin-inline-start: 0.5rem; }
  button:disabled { opacity: 0.45; cursor: default; }
  .overview { display: block; width: 100%; margin-bottom: 0.25rem; }
  .overview .bars { fill: var(--_muted); shape-rendering: crispEdges; }
  .overview .selection { fill: var(--_accent); fill-opacity: 0.15; stroke: var(--_accent); }
  .overview .frame { fill: none; stroke: var(--_muted); stroke-opacity: 0.4; }
  .plot:focus:not(:focus-visible) { outline: none; }
  /* Laid out left to right whatever the page's direction (as the time axis runs); right-to-left
     text still reads right to left within each label. */
  .plot-area, .overview { direction: ltr; }
  /* Vertical swipes scroll the page; sideways drags and pinches are the plot's (see controllers/touch-axis.ts). */
  .plot { display: block; position: relative; width: 100%; touch-action: pan-y; cursor: grab; user-select: none; }
  /* Under the SVG (which comes after it), over the lanes: its CSS colours are what it draws in. */
  .plot-area { position: relative; }
  /* The lanes' part of the canvas, which is taller (see controllers/plot-canvas.ts). */
  .plot-canvas-box { position: absolute; left: 0; top: 0; overflow: hidden; pointer-events: none; }
  .plot-canvas { position: absolute; left: 0; top: 0; pointer-events: none; color: var(--_accent); border: 0 solid var(--_planned); outline: 0 none var(--_muted); }
  .plot text { fill: var(--_fg); }
  .tick line, .lane-rule { stroke: var(--_muted); stroke-opacity: 0.3; }
  .tick text, .lane-label { fill: var(--_muted); font-size: 11px; }
  .period text { fill: var(--_fg); font-size: 11px; font-weight: 600; }
  .period line { stroke: var(--_muted); stroke-opacity: 0.6; }
  .mark { cursor: pointer; }
  /* The row a mark stands in, unpainted: with its label, a target at least 24 px square (WCAG 2.5.8). */
  .mark > .hit { fill: transparent; }
  /* A halo of the background keeps a label legible where it crosses a grid line or the "as of" line. */
  .mark > text { paint-order: stroke; stroke: var(--_bg); stroke-width: 3px; stroke-linejoin: round; }
  /* Inside a bar: on a solid one, in the background's colour; on a hatched or hollow one, with a
     wider halo that keeps the hatching from the letters. */
  .mark > text.inside { stroke-width: 6px; font-size: 0.85em; }
  .mark:not(.one-of, .planned, .postponed, .cancelled) > text.inside { fill: var(--_bg); stroke: none; }
  .mark .body { fill: var(--_accent); stroke: var(--_accent); stroke-width: 1.5; }
  .mark.one-of .body { fill: url(#dt-hatch); }
  /* The time a dot's date names (its day, or its hour or minute), once that is wider than the dot. */
  .mark .extent { fill: var(--_accent); fill-opacity: 0.14; }
  .mark.planned .extent, .mark.postponed .extent { fill: var(--_planned); }
  .mark.cancelled .extent { fill: var(--_muted); }
  .mark.planned .body, .mark.postponed .body { fill: var(--_bg); stroke: var(--_planned); stroke-dasharray: 3 2; }
  .mark.cancelled .body { fill: var(--_bg); stroke: var(--_muted); stroke-dasharray: 1 2; }
  /* Emphasis follows the story: background (a war, "earlier this month") is drawn quieter than
     what the source reports, and a key event larger and bolder (see src/timeline/emphasis.ts). */
  .mark.context .body { fill-opacity: 0.4; stroke-opacity: 0.55; }
  .mark.context.one-of .body { fill-opacity: 0.6; }
  .mark.context > text { fill: var(--_muted); }
  .mark.key circle.body { r: 7px; }
  .mark.key rect.body { stroke-width: 2.5; }
  .mark.key > text { font-weight: 700; }
  .mark.selected .body { stroke: var(--_fg); stroke-width: 2.5; }
  .mark.group > text { font-style: italic; }
  .mark .badge { fill: var(--_disputed); }
  .mark .badge-text { fill: var(--_bg); font-size: 9px; font-weight: 700; }
  .hatch-line { stroke: var(--_accent); stroke-width: 2; }
  .as-of line { stroke: var(--_planned); stroke-dasharray: 4 3; }
  .as-of text { fill: var(--_planned); font-size: 11px; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; list-style: none; margin: 0.25rem 0 0.5rem; padding: 0; font-size: 12px; }
  .legend li { display: flex; align-items: center; gap: 0.35rem; }
  .legend svg { flex: none; overflow: visible; }
  .ink-fill-none { fill: none; }
  .ink-fill-accent { fill: var(--_accent); }
  .ink-fill-bg { fill: var(--_bg); }
  .ink-fill-fg { fill: var(--_fg); }
  .ink-fill-disputed { fill: var(--_disputed); }
  .ink-stroke-accent, .ink-stroke-planned, .ink-stroke-muted { stroke-width: 1.5; }
  .ink-stroke-accent { stroke: var(--_accent); }
  .ink-stroke-planned { stroke: var(--_planned); }
  .ink-stroke-muted { stroke: var(--_muted); }
  .swatch-text { text-anchor: middle; font-weight: 700; }
  .relation { fill: none; stroke: var(--_fg); stroke-opacity: 0.6; stroke-width: 1.25; }
  .link .verb { fill: var(--_fg); font-size: 11px; font-style: italic; paint-order: stroke; stroke: var(--_bg); stroke-width: 3px; stroke-linejoin: round; }
  .arrowhead path { fill: var(--_fg); fill-opacity: 0.75; }
  .tooltip { position: absolute; left: 0; top: 0; pointer-events: none; z-index: 1; max-width: min(18rem, 100%); box-sizing: border-box; background: var(--_fg); color: var(--_bg); padding: 0.3rem 0.5rem; border-radius: 4px; font-size: 12px; }
  [part='details'] { border-top: 1px solid var(--_muted); padding: 0.5rem 0; }
  [part='details'] h3 { margin: 0 0 0.25rem; font-size: 1rem; }
  /* The data's own text runs in its own direction, whatever the page's: English in an Arabic page keeps its full stop at its end. */
  [part='details'] :is(h3, p, blockquote), .toolbar h2, .tooltip strong { unicode-bidi: plaintext; }
  [part='details'] .close { float: inline-end; margin-inline-start: 0.5rem; min-height: 1.75rem; }
  h4 { margin: 0.5rem 0 0.15rem; font-size: 0.9rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; margin: 0.25rem 0; }
  dt { color: var(--_muted); }
  dd { margin: 0; }
  blockquote { margin: 0.25rem 0; padding-inline-start: 0.75rem; border-inline-start: 3px solid var(--_muted); }
  .related { margin: 0; padding-inline-start: 1.1rem; }
  .linklike { text-align: start; border: none; padding: 0; min-height: 0; color: var(--_accent); text-decoration: underline; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.2rem 0.4rem; border-bottom: 1px solid color-mix(in srgb, var(--_muted) 30%, transparent); vertical-align: top; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  /* In a narrow element (a phone): the details are a sheet along the screen's bottom, over the
     plot's lower part, while the element is in view. */
  @container (max-width: 600px) {
    [part='details'] {
      position: sticky; bottom: 0; z-index: 2; max-height: 45vh; overflow: auto; box-sizing: border-box;
      background: var(--_bg); border-top: 2px solid var(--_accent); box-shadow: 0 -6px 16px rgb(0 0 0 / 0.18); padding: 0.5rem 0.25rem;
    }
  }
  /* On paper: the timeline, what it is filtered to and the selected event's details; no control,
     which does nothing there, and nothing split across two pages that fits on one. */
  @media print {
    .controls, .overview, .tooltip, .more, [part='details'] .close, .chip[aria-pressed='false'], .filters select:has(option[value='']:checked), .loading button { display: none; }
    .chip[aria-pressed='true'] { background: none; color: var(--_fg); border-color: var(--_fg); }
    .plot-area, [part='details'], tr { break-inside: avoid; }
    [part='details'] { position: static; max-height: none; overflow: visible; box-shadow: none; }
    .plot { cursor: auto; }
  }
  @media (prefers-reduced-motion: reduce) {
    * { transition: none !important; animation: none !important; }
  }
`
