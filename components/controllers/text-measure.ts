import type { ReactiveController, ReactiveControllerHost } from 'lit'

/**
 * Widths of label text in the host's font, as the sum of its characters' widths, each measured
 * once with a canvas: label elision tries many prefixes per frame, and measuring each whole would
 * cost far more. A web font that arrives later changes every width: they are measured again and
 * `onChange` is told.
 */
export class TextMeasure implements ReactiveController {
  /** Widths of characters measured so far: the first 128 in an array, the rest in a map. */
  private asciiWidths = new Float64Array(128).fill(NaN)
  private widths = new Map<string, number>()
  private context?: CanvasRenderingContext2D | null
  /** The font, read from the computed style once, not on every frame (reading it forces a style pass). */
  private font?: string
  /** The font's size in px, read with it. */
  private size?: number

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange: () => void,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    document.fonts?.addEventListener('loadingdone', this.onFontsLoaded)
  }

  hostDisconnected(): void {
    document.fonts?.removeEventListener('loadingdone', this.onFontsLoaded)
  }

  /** The width of `text` in px; past `limit` it stops adding, as the rest cannot change what is drawn. */
  measure = (text: string, limit = Infinity): number => {
    let width = 0
    // By code unit, not for…of: this runs for every label cut on every zoom frame.
    for (let i = 0; i < text.length && width <= limit; i++) {
      const code = text.charCodeAt(i)
      if (code < 128) {
        const w = this.asciiWidths[code]!
        width += Number.isNaN(w) ? (this.asciiWidths[code] = this.charWidth(text[i]!)) : w
        continue
      }
      // A character beyond the first 65,536 is two code units, measured together.
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length
      const char = pair ? text.slice(i, i + 2) : text[i]!
      if (pair) i++
      let w = this.widths.get(char)
      if (w === undefined) this.widths.set(char, (w = this.charWidth(char)))
      width += w
    }
    return width
  }

  /** The host's font size in px, the size `measure` measures at. */
  get fontSize(): number {
    return (this.size ??= parseFloat(getComputedStyle(this.host).fontSize) || 13)
  }

  /** The width of `text` in the host's font at `px` px (smaller text, as a relation's verb). */
  measureAt = (text: string, px: number): number => (this.measure(text) * px) / this.fontSize

  private charWidth(char: string): number {
    this.context ??= document.createElement('canvas').getContext('2d')
    if (!this.context) return 7
    this.context.font = this.font ??= getComputedStyle(this.host).font || '13px system-ui, sans-serif'
    return this.context.measureText(char).width
  }

  /** Labels were cut to widths measured in a web font's fallback: measured and cut again once it has loaded. */
  private onFontsLoaded = () => {
    this.font = undefined
    this.size = undefined
    this.widths.clear()
    this.asciiWidths.fill(NaN)
    this.onChange()
    this.host.requestUpdate()
  }
}
