// Lints the engine, the scaffolder, the tools and the example's tests. Type-aware rules stay off:
// `tsc` already type-checks every package, and the type-aware pass would double the time.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // The starter's template holds {{placeholders}} until create-charter fills them in.
    ignores: [
      'packages/create-charter/template/**',
      '**/dist/**',
      '**/node_modules/**',
      '**/.astro/**',
      '**/src/generated/**',
      '**/tests/.tmp/**',
      'tools/bench/floor/.astro-cache/**',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are errors, except the deliberate `_` ones.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The checker walks untyped syntax trees from several parsers; `any` is narrowed where read.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // VS Code loads extensions as CommonJS modules.
    files: ['editors/vscode/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/charter/src/scripts/**', 'packages/charter/src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The offline worker runs in the browser's service worker scope.
    files: ['packages/charter/src/offline/**'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
