// The typings for frameworks (scripts/jsx-types.mjs → jsx/*.d.ts), compiled with tsc (strict) against the fixtures in
// test/types/: React 19 and Preact JSX, the props Vue 3 (vue-tsc) and Svelte 5 (svelte-check) check in templates.
// The manifest is generated afresh from the source (cem analyze) into a temporary folder, as are the typings. Each
// fixture must compile with no error; its lines marked @ts-expect-error (a wrong attribute, a wrong value, a wrong
// event detail) must then fail, each one, when compiled without the marks. Run by `npm test` (node --test test/node/).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compile as compileIn, generateTypings, root } from './helpers/typings.mjs';

let typings;
before(() => {
  typings = generateTypings();
});
after(() => typings?.remove());
const compile = (file, text) => compileIn(typings.dir, file, text);

const FIXTURES = ['react.tsx', 'preact.tsx', 'vue.ts', 'svelte.ts'];

describe('typings for React, Preact, Vue and Svelte', () => {
  for (const name of FIXTURES) {
    const file = join(root, 'test/types', name);
    const text = readFileSync(file, 'utf8');
    it(`${name}: compiles, and each line marked @ts-expect-error fails without its mark`, () => {
      const clean = compile(file, text);
      assert.deepEqual(
        clean.map((d) => `${d.file}:${d.line} ${d.message}`),
        [],
        `${name} has errors`,
      );
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
      assert.deepEqual(
        [...new Set(failing.map((d) => d.line))].sort((a, b) => a - b),
        expected,
        failing.map((d) => `${d.line}: ${d.message}`).join('\n'),
      );
    });
  }
});
