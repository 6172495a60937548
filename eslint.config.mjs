// Lint: typescript-eslint's recommended rules everywhere, Office.js batching rules on the Excel
// add-in, and the layering the architecture promises (core/ is pure and acyclic).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const TS_JS = ['**/*.{ts,js,mjs,cjs}'];
const TESTS = ['**/*.test.ts', 'test/**'];

// The hosts and the test tree, as import paths seen from inside core/ (any depth).
const HOSTS = ['addin', 'appsscript', 'cli', 'ui', 'scripts'];
const hostPatterns = HOSTS.map((d) => ({
  regex: `^(\\.\\./)+${d}(/|$)`,
  message: `core/ is pure: it may not import ${d}/ (hosts import core, never the reverse; see ARCHITECTURE.md).`,
}));

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'keluaran/**', 'test-output/**', 'out/**', 'addin/fungsi.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: TS_JS,
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      // `_name` says "deliberately unused" (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('crypto')` in a CommonJS module shadows nothing it needs.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    // The fake Excel host mimics Office.js proxies: setters written as expression arrows and
    // `self` captured for nested proxies are its style, not bugs.
    files: ['test/browser/*.js'],
    rules: { 'no-setter-return': 'off', '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    files: ['ui/**', 'addin/**', 'appsscript/klien/**', 'test/browser/**', 'manifests/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: TESTS,
    languageOptions: { globals: { ...globals.jest } },
  },
  // Excel add-in: Microsoft's rules for the Office.js proxy objects (a property read before
  // load() and sync() throws in real Excel; a sync() inside a loop is one round trip per item).
  {
    files: ['addin/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-office-initialize': 'warn',
    },
  },
  // Layering: core/ imports nothing of the hosts, and no Node built-in outside its tests.
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: hostPatterns }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...hostPatterns,
            {
              regex: '^(\\.\\./)+test(/|$)',
              message: 'core/ may not import test/: test-only code lives in test/ (a core test may).',
            },
          ],
        },
      ],
      'import-x/no-nodejs-modules': 'error',
    },
  },
);
