import { css } from 'lit'
import { palette } from '../diplomatic-timeline.styles.ts'

export const editorStyles = css`
  ${palette}
  :host {
    display: block;
    font: 14px/1.4 var(--dt-font, system-ui, sans-serif);
    color: var(--_fg);
    color-scheme: light dark;
  }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; margin-bottom: 0.5rem; }
  .toolbar .name { font-weight: 600; margin-right: auto; overflow-wrap: anywhere; }
  button, select, input, textarea { font: inherit; }
  button, .toolbar select { border: 1px solid var(--_muted); border-radius: 4px; background: transparent; color: inherit; padding: 0.15rem 0.55rem; min-height: 1.9rem; cursor: pointer; }
  .toolbar select { max-width: 8.5rem; }
  button:disabled, select:disabled { cursor: default; opacity: 0.55; }
  button:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
  .notice { border-left: 4px solid var(--_accent); background: color-mix(in srgb, var(--_accent) 8%, transparent); padding: 0.35rem 0.6rem; margin: 0 0 0.5rem; display: flex; gap: 0.5rem; align-items: flex-start; }
  .notice.warn { border-color: var(--_error); background: color-mix(in srgb, var(--_error) 8%, transparent); }
  .notice > div { flex: 1; min-width: 0; }
  .notice .actions { display: flex; gap: 0.3rem; flex-wrap: wrap; flex: none; }
  .notice ul { margin: 0.25rem 0 0; padding-left: 1.2rem; max-height: 8rem; overflow: auto; }
  .notice .list-title { margin: 0.3rem 0 0; font-weight: 600; }
  /* A CSV's columns, joined to the notice of its conversion. */
  .csv-mapping { border-left: 4px solid var(--_accent); padding: 0.1rem 0.6rem 0.5rem; margin: 0 0 0.5rem; background: color-mix(in srgb, var(--_accent) 4%, transparent); }
  .notice + .csv-mapping { margin-top: -0.5rem; }
  .notice.warn + .csv-mapping { border-color: var(--_error); background: color-mix(in srgb, var(--_error) 4%, transparent); }
  .csv-mapping p { margin: 0.25rem 0 0.4rem; }
  .csv-mapping .columns { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.3rem 0.9rem; margin-bottom: 0.45rem; }
  .csv-mapping .columns > div { display: flex; align-items: center; gap: 0.4rem; min-width: 0; }
  .csv-mapping label { flex: 0 0 4.6rem; color: var(--_muted); }
  .csv-mapping select { flex: 1 1 0; min-width: 0; }
  .panes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
  /* The text, its problems and the selected event's form stay in view while the preview scrolls beside them. */
  .text { position: sticky; top: 0.5rem; height: calc(100vh - 1rem); min-height: 30rem; display: flex; flex-direction: column; gap: 0.4rem; }
  .code { flex: 1 1 12rem; min-height: 12rem; display: flex; flex-direction: column; border: 1px solid var(--_muted); border-radius: 4px; overflow: hidden; }
  .code .cm-editor { flex: 1; min-height: 0; }
  .code .cm-scroller { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 13px; }
  [part='problems'] { flex: none; margin: 0; padding: 0; list-style: none; max-height: 6rem; overflow: auto; }
  [part='problems']:empty { display: none; }
  [part='problems'] button { border: none; text-align: left; padding: 0.1rem 0.2rem; min-height: 0; width: 100%; color: var(--_error); }
  .form-area { flex: 0 1 auto; max-height: 55%; overflow: auto; border-top: 1px solid var(--_muted); padding: 0.4rem 0.2rem 0.2rem 0; }
  @media (max-width: 900px) {
    .panes { grid-template-columns: minmax(0, 1fr); }
    .text { position: static; height: auto; min-height: 0; }
    .code { flex: none; }
    .code .cm-editor { flex: none; height: 50vh; min-height: 16rem; }
    .form-area { max-height: none; overflow: visible; }
  }
  .status { color: var(--_muted); margin: 0 0 0.3rem; }
  .status.stale { color: var(--_error); }
  /* The form is the one place for the selected event's fields: the preview's own panel about it would repeat them. */
  diplomatic-timeline::part(details) { display: none; }
  diplomatic-timeline[hidden] { display: none; }
  .no-preview { border: 1px dashed var(--_muted); border-radius: 4px; padding: 2rem 1rem; text-align: center; color: var(--_muted); }
  [part='form'] h3 { margin: 0 0 0.4rem; font-size: 1rem; }
  .unreadable { margin: 0 0 0.5rem; padding-left: 1.2rem; color: var(--_error); }
  .grid { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.35rem 0.6rem; align-items: center; }
  .grid label { color: var(--_muted); }
  .grid > input, .grid > textarea, .grid > select, .grid > div > input { width: 100%; box-sizing: border-box; }
  .row > input:not([type='checkbox']) { flex: 1 1 10rem; min-width: 0; }
  .row { display: flex; gap: 0.3rem; flex-wrap: wrap; align-items: center; margin-bottom: 0.25rem; }
  .row textarea { flex: 1 1 12rem; }
  .row select { max-width: 100%; }
  .hint { color: var(--_muted); font-size: 12px; }
  .hint.bad { color: var(--_error); }
  fieldset { border: 1px solid color-mix(in srgb, var(--_muted) 40%, transparent); border-radius: 4px; margin: 0.5rem 0 0; padding: 0.3rem 0.6rem 0.5rem; min-width: 0; }
  legend { color: var(--_muted); }
  .drop { outline: 3px dashed var(--_accent); outline-offset: 4px; }
  @media (max-width: 480px) { .grid { grid-template-columns: minmax(0, 1fr); } }
`
