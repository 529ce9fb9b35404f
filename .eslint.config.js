// ESLint (flat config): JavaScript and TypeScript recommended rules, no type information (fast),
// and the sealed plugin API: what plugin code may import from core, and that it never reads services.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Plugin code: the plugin package folders and the test fixture plugin (not its test harness). */
const pluginFiles = ['plugins/**/*.{ts,tsx,js,mjs}', 'tests/fixture-plugin/**/*.{ts,tsx,js,mjs}'];
const pluginIgnores = ['tests/fixture-plugin/harness.ts'];
const pluginTests = ['plugins/**/*.test.{ts,tsx}', 'tests/fixture-plugin/**/*.test.{ts,tsx}'];

const pluginImportPatterns = (allowed) => [
  {
    regex: `^@painel/core(?!/(${allowed})$)(/.*)?$`,
    message: `Plugins import core only through @painel/core/plugin (the sealed plugin API)${allowed.includes('testing') ? ' or, in tests, @painel/core/testing' : ''}.`,
  },
  { regex: '(^|/)core/src(/|$)', message: "Plugins do not import core's internals: use @painel/core/plugin." },
  { regex: '^@painel/(?!core(/|$))', message: 'Plugins do not import the built-in modules or other plugins.' },
];

const pluginSyntax = [
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='get'][arguments.0.value='services']",
    message: "Plugins never read core's services (they hold the owner connection, which bypasses row-level security). Use the plugin context (ctx) instead.",
  },
  {
    selector: "MemberExpression[object.type='MemberExpression'][object.property.name='var'][property.name='services']",
    message: "Plugins never read core's services (c.var.services). Use the plugin context (ctx) instead.",
  },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'data/**', 'test-results/**', 'bench-results/**', '**/fixtures/**', '**/migrations/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', document: 'readonly', window: 'readonly', setInterval: 'readonly', setTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    files: pluginFiles,
    ignores: pluginIgnores,
    rules: {
      'no-restricted-imports': ['error', { patterns: pluginImportPatterns('plugin') }],
      'no-restricted-syntax': ['error', ...pluginSyntax],
    },
  },
  {
    files: pluginTests,
    rules: { 'no-restricted-imports': ['error', { patterns: pluginImportPatterns('plugin|testing') }] },
  },
);
