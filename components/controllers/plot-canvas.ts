import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { drawFrame, type CanvasColors } from '../../src/timeline/draw-canvas.ts'
import type { PlotFrame } from '../../src/timeline/frame.ts'
import { axisHeight, lanesHeightOf } from '../parts/plot.ts'

/** The canvas's height goes in steps of this many px (see PlotCanvas.draw). */
const heightStep = 256

/**
 * Draws a plot frame's unlabelled marks and density on the plot's canvas, at the device's pixel
 * ratio, and only when the frame, the size, the colours or the direction of time changed. The colours are the canvas's
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
    // The lanes' height changes with nearly every zoom step; a canvas given a new size drops its
    // buffer and the compositor's copy of it, which cost more than the drawing. So the canvas
    // keeps a height in steps of `heightStep` px, and its box (see plotPart's .plot-canvas-box)
    // shows only the lanes' part of it.
    const drawnHeight = Math.ceil(height / heightStep) * heightStep
    const [w, h] = [Math.round(frame.width * ratio), Math.round(drawnHeight * ratio)]
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
    canvas.style.height = `${drawnHeight}px`
    const box = canvas.parentElement
    if (box) {
      box.style.width = `${frame.width}px`
      box.style.height = `${height}px`
      box.style.top = `${axisHeight}px`
    }
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    drawFrame(ctx, frame, this.colors, ratio, drawnHeight, reversed)
    this.drawn = { frame, width: w, height: h, colors: this.colors, reversed }
  }

  private onSchemeChange = () => {
    this.colors = undefined
    this.host.requestUpdate()
  }
}
