import { LitElement, css, html, svg } from 'lit'
import { heapAfterGc, timeFirstRender } from './timing.ts'

/**
 * The least a timeline could draw: a Lit element with a title, two buttons, a line of text and
 * six axis labels in the timeline's fonts. Its first render on a cold page, timed as the
 * timeline's is, is what the machine and browser cost before any event is read.
 */
class ReferenceElement extends LitElement {
  static override styles = css`
    :host { display: block; font: 13px/1.4 system-ui, sans-serif; }
    h2 { font-size: 1rem; margin: 0; }
    text { font-size: 11px; }
  `

  override render() {
    return html`<h2>Reference</h2><button>+</button><button>−</button><span>20 of 20 events shown</span>
      <svg width="600" height="40">${[1, 2, 3, 4, 5, 6].map((i) => svg`<text x=${i * 90} y="20">Sep ${String(i).padStart(2, '0')}</text>`)}</svg>`
  }
}
customElements.define('bench-reference', ReferenceElement)

window.benchFirstRender = () => timeFirstRender(document.body, () => document.createElement('bench-reference') as ReferenceElement)
window.benchHeap = heapAfterGc
