// Shared by test/node/jsx-types.test.mjs and test/node/readme-examples.test.mjs: the manifest and the framework
// typings generated afresh from the source into a folder of .cache/ (inside the project, so that the typings find
// 'react', 'vue'… in its node_modules), and a strict tsc compile of one file against them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Generates custom-elements.json and jsx/*.d.ts into a new folder; returns it and a function that removes it. */
export function generateTypings() {
  mkdirSync(join(root, '.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, '.cache', 'jsx-'));
  // (cem joins --outdir to the working directory: a relative path.)
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
      'analyze',
      '--quiet',
      '--outdir',
      relative(root, dir),
    ],
    { cwd: root, stdio: 'pipe' },
  );
  execFileSync(
    process.execPath,
    [join(root, 'scripts/jsx-types.mjs'), '--manifest', join(dir, 'custom-elements.json'), '--out', join(dir, 'jsx')],
    { cwd: root, stdio: 'pipe' },
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Compiles one file (strict, no emit) with `text` as its content, the package mapped to its source and its typings to
 * `dir/jsx`. Returns the diagnostics as `{file, line, message}`.
 */
export function compile(dir, file, text) {
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: 'react',
    experimentalDecorators: true,
    useDefineForClassFields: false,
    types: [],
    baseUrl: root,
    paths: {
      'france-relance-widgets': ['src/index.ts'],
      'france-relance-widgets/all.js': ['src/all.ts'],
      'france-relance-widgets/jsx/*': [join(dir, 'jsx/*')],
    },
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (resolve(f) === resolve(file) ? text : read(f));
  host.fileExists = (
    (exists) => (f) =>
      resolve(f) === resolve(file) || exists(f)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
    return { file: d.file?.fileName ?? '', line, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
}
