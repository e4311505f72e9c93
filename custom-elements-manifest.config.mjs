// The custom elements manifest of the package's two elements (npm run build:package), from their class comments.
export default {
  globs: ['components/diplomatic-timeline.ts', 'components/diplomatic-timeline-editor.ts'],
  outdir: 'dist/package',
  litelement: true,
  packagejson: false,
  quiet: true,
}
