// ESLint (flat config): TypeScript with type information for the sources and tests, Lit's and web components' rules
// for the widgets, plain recommended rules for the Node scripts. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'cdn/',
      'demo-dist/',
      'storybook-static/',
      'jsx/',
      'scratch/',
      'screenshots/',
      'test-results/',
      'bench/results/',
      '.cache/',
      'custom-elements.json',
      'test/types/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './.storybook/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser },
    },
    rules: {
      // Promises the widgets start on purpose and do not await (a fetch whose answer updates state) say so with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Template literals with numbers are how we build texts and SVG paths.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Cells of parsed data are `unknown` that the parser made primitives: String(value) is what we mean.
      '@typescript-eslint/no-base-to-string': ['error', { checkUnknown: false }],
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    ignores: ['**/*.test.ts'],
    extends: [lit.configs['flat/all'], wc.configs['flat/best-practice']],
    rules: {
      // Lit: attributes are bound as properties where the widget expects data (`.data=${…}`), and as text elsewhere.
      'lit/no-template-bind': 'error',
      'lit/attribute-names': 'off', // our attributes are lower-case by design (`sync-url`, `page-size`)
      'lit/no-template-map': 'off', // `map()` over arrays in templates is idiomatic Lit 3
      'lit/prefer-static-styles': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/quoted-expressions': 'off', // Prettier decides quoting
      'lit/no-template-arrow': 'off',
      // Fields declared beside `static properties` do not shadow the accessors here: tsconfig has
      // useDefineForClassFields false, so a field's initial value is assigned through Lit's accessor.
      'lit/no-classfield-shadowing': 'off', // event handlers as arrows are fine in Lit 3 (they are not re-bound on every render)
      'lit/attribute-value-entities': 'off',
      // Elements are defined through `Class.define(name)` (which never throws and tolerates a second copy).
      'wc/define-tag-after-class-definition': 'off',
      'wc/tag-name-matches-class': 'off',
    },
  },
  {
    // Tests use chai's expression assertions (`expect(x).to.be.true`) and cast freely.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // @open-wc/semantic-dom-diff types chai's `equal` as returning a promise (for `expect(dom).dom.to.equal`), so
      // every `expect(x).to.equal(y)` would be a « floating promise ». The assertions that are promises must be awaited:
      // those are checked by name instead.
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ExpressionStatement > CallExpression[callee.property.name=/^(accessible|isAccessible|isNotAccessible|oneEvent|fixture|elementUpdated|waitUntil|sendKeys|sendMouse|setViewport|executeServerCommand)$/]',
          message: 'This returns a promise: await it.',
        },
        {
          selector:
            'ExpressionStatement > CallExpression[callee.name=/^(oneEvent|fixture|elementUpdated|waitUntil|sendKeys|sendMouse|setViewport|executeServerCommand|aTimeout|nextFrame)$/]',
          message: 'This returns a promise: await it.',
        },
      ],
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests patch prototypes and stub async APIs: `this` aliases, detached methods and async stubs are the point.
      '@typescript-eslint/no-this-alias': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // `fixture<T>(html\`…\`)` and `as T` on query results say what a test expects; left to the author.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The Vite config is not part of a type-checked project (Vite type-checks nothing): linted without types.
    files: ['vite.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
);
