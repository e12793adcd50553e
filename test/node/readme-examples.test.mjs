// The README's framework examples (« Frameworks and CMS »), as a developer pastes them: the React one compiles with tsc
// (strict) against the package's typings; the Vue one compiles with Vue's SFC compiler, its tags seen as custom
// elements; the Svelte one compiles with Svelte's compiler. The HTML ones (plain HTML, WordPress, Drupal, the embed
// page) are loaded in a browser by test/embed/readme-examples.test.ts. Each example follows `<!-- example: NAME -->`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compile, generateTypings, root } from './helpers/typings.mjs';

/** The code block after `<!-- example: name -->` in README.md. */
export function example(name) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- example: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  assert.ok(m, `README.md: no example « ${name} »`);
  return m[1];
}

describe('README examples for frameworks', () => {
  let typings;
  before(() => {
    typings = generateTypings();
  });
  after(() => typings?.remove());

  it('React 19: the example compiles against the typings, and a wrong attribute in it would not', () => {
    const code = example('react');
    const file = join(root, 'test/types/readme-react.tsx');
    assert.deepEqual(
      compile(typings.dir, file, code).map((d) => `${d.line}: ${d.message}`),
      [],
    );
    const wrong = compile(typings.dir, file, code.replace('level="departement"', 'level="commune"'));
    assert.ok(
      wrong.some((d) => /"commune"/.test(d.message)),
      'level="commune" must fail',
    );
  });

  it('Vue 3: the single-file component compiles, its relance-* tags as custom elements', async () => {
    const { parse, compileScript, compileTemplate } = await import('vue/compiler-sfc');
    const { descriptor, errors } = parse(example('vue'), { filename: 'Statuts.vue' });
    assert.deepEqual(errors, []);
    compileScript(descriptor, { id: 'statuts' });
    const out = compileTemplate({
      source: descriptor.template.content,
      filename: 'Statuts.vue',
      id: 'statuts',
      compilerOptions: { isCustomElement: (tag) => tag.startsWith('relance-') },
    });
    assert.deepEqual(out.errors, []);
    assert.match(out.code, /"relance-funding-donut"/);
    assert.doesNotMatch(out.code, /resolveComponent\("relance-/);
    assert.match(out.code, /onRelanceSelect|"onRelance-select"/);
  });

  it('Svelte 5: the component compiles', async () => {
    const { compile: svelte } = await import('svelte/compiler');
    const out = svelte(example('svelte'), { filename: 'Chiffres.svelte' });
    assert.deepEqual(
      out.warnings.map((w) => w.message),
      [],
    );
    assert.match(out.js.code, /relance-key-figures/);
    assert.match(out.js.code, /relance-data-error/);
  });
});
