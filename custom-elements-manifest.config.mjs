// Custom elements manifest (custom-elements.json), generated from the classes' JSDoc.
export default {
  globs: ['src/base/*.ts', 'src/components/**/*.ts', 'src/events.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/**/*.messages.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
