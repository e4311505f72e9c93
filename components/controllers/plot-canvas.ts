import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { drawFrame, type CanvasColors } from '../../src/timeline/draw-canvas.ts'
import type { PlotFrame } from '../../src/timeline/frame.ts'
import { axisHeight, lanesHeightOf } from '../parts/plot.ts'

/**
 * Draws a plot frame's unlabelled marks and density on the plot's canvas, at the device's pixel
 * ratio, and only when the frame, the size or the colours changed. The colours are the canvas's
 * CSS colours, which resolve the --dt-* properties; read again when the page's colour scheme changes.
 */
export class PlotCanvas implements ReactiveController {
  private drawn?: { frame: PlotFrame; width: number; height: number; colors: CanvasColors; reversed: boolean }
  private colors?: CanvasColors
  private scheme?: MediaQueryList

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this)
  }

  hostConnected(): void {
    this.scheme = window.matchMedia('(prefers-color-scheme: dark)')
    this.scheme.addEventListener('change', this.onSchemeChange)
  }

  hostDisconnected(): void {
    this.scheme?.removeEventListener('change', this.onSchemeChange)
  }

  /** Draws `frame`, mirrored when time runs right to left (`reversed`). */
  draw(canvas: HTMLCanvasElement | null, frame: PlotFrame | undefined, reversed: boolean): void {
    if (!canvas || !frame) return
    const ratio = window.devicePixelRatio || 1
    const height = lanesHeightOf(frame)
    const [w, h] = [Math.round(frame.width * ratio), Math.round(height * ratio)]
    if (!this.colors) {
      const style = getComputedStyle(canvas)
      this.colors = { accent: style.color, planned: style.borderTopColor, muted: style.outlineColor }
    }
    const d = this.drawn
    if (d && d.frame === frame && d.width === w && d.height === h && d.colors === this.colors && d.reversed === reversed && canvas.width === w) return
    if (canvas.width !== w) canvas.width = w
    if (canvas.height !== h) canvas.height = h
    // Sized through the CSSOM: a strict style-src blocks style attributes, not style properties.
    canvas.style.width = `${frame.width}px`
    canvas.style.height = `${height}px`
    canvas.style.top = `${axisHeight}px`
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    drawFrame(ctx, frame, this.colors, ratio, height, reversed)
    this.drawn = { frame, width: w, height: h, colors: this.colors, reversed }
  }

  private onSchemeChange = () => {
    this.colors = undefined
    this.host.requestUpdate()
  }
}
