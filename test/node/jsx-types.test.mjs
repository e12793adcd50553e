// The typings for frameworks (scripts/jsx-types.mjs → jsx/*.d.ts), compiled with tsc (strict) against the fixtures in
// test/types/: React 19 and Preact JSX, the props Vue 3 (vue-tsc) and Svelte 5 (svelte-check) check in templates.
// The manifest is generated afresh from the source (cem analyze) into a temporary folder, as are the typings. Each
// fixture must compile with no error; its lines marked @ts-expect-error (a wrong attribute, a wrong value, a wrong
// event detail) must then fail, each one, when compiled without the marks. Run by `npm test` (node --test test/node/).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// Inside the project (.cache/ is not committed): the typings import 'react', 'vue'… from its node_modules.
mkdirSync(join(root, '.cache'), { recursive: true });
const tmp = mkdtempSync(join(root, '.cache', 'jsx-'));

// (cem joins --outdir to the working directory: a relative path.)
before(() => {
  execFileSync(process.execPath, [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet', '--outdir', relative(root, tmp)], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, [join(root, 'scripts/jsx-types.mjs'), '--manifest', join(tmp, 'custom-elements.json'), '--out', join(tmp, 'jsx')], { cwd: root, stdio: 'pipe' });
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Compiles one file (with the package and its typings mapped to the source and the generated files). */
function compile(file, text) {
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
      'france-relance-widgets/jsx/*': [join(tmp, 'jsx/*')],
    },
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (resolve(f) === resolve(file) ? text : read(f));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
    return { file: d.file?.fileName ?? '', line, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
}

const FIXTURES = ['react.tsx', 'preact.tsx', 'vue.ts', 'svelte.ts'];

describe('typings for React, Preact, Vue and Svelte', () => {
  for (const name of FIXTURES) {
    const file = join(root, 'test/types', name);
    const text = readFileSync(file, 'utf8');
    it(`${name}: compiles, and each line marked @ts-expect-error fails without its mark`, () => {
      const clean = compile(file, text);
      assert.deepEqual(clean.map((d) => `${d.file}:${d.line} ${d.message}`), [], `${name} has errors`);
      // The marks: a line `// @ts-expect-error` or `{/* @ts-expect-error … */}` before the line that must fail.
      const lines = text.split('\n');
      const expected = [];
      const unmarked = lines.map((line, i) => {
        if (!/^\s*(\/\/|\{\/\*)\s*@ts-expect-error/.test(line)) return line;
        expected.push(i + 2);
        return line.replace(/@ts-expect-error/, 'was-expect-error');
      });
      assert.ok(expected.length >= 2, 'each fixture has wrong attributes');
      const failing = compile(file, unmarked.join('\n')).filter((d) => resolve(d.file) === resolve(file));
      assert.deepEqual([...new Set(failing.map((d) => d.line))].sort((a, b) => a - b), expected, failing.map((d) => `${d.line}: ${d.message}`).join('\n'));
    });
  }
});
