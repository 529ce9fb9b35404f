/* global module */
/**
 * Package boundaries of Painel Singular, checked by `npm run lint`:
 *   npx depcruise --config .dependency-cruiser.cjs core tenants content plugins tests
 *
 * Packages meet only through public entries (package.json "exports"). Core has four, by audience:
 *   @painel/core/plugin  → core/src/entries/plugin.ts   (plugins: the sealed plugin API)
 *   @painel/core/module  → core/src/entries/module.ts   (built-in modules tenants, content)
 *   @painel/core/app     → core/src/entries/app.ts      (wiring an app: main, command-line tools)
 *   @painel/core/testing → core/src/entries/testing.ts  (tests)
 * and no root entry. The other packages export <package>/src/index.ts. Workspace links resolve to
 * their real paths (core/src/entries/plugin.ts, not node_modules/@painel/core/…), so the rules below
 * can name packages by folder. ESLint (.eslint.config.js) repeats the plugin rule on import strings.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'plugin-imports-only-plugin-entry',
      comment:
        'A plugin imports nothing of core but @painel/core/plugin (core/src/entries/plugin.ts), plus its own files, Node built-ins and npm packages. Not the module/app entries, not core internals, not another plugin.',
      severity: 'error',
      from: { path: '^(plugins/[^/]+|tests/fixture-plugin)/', pathNot: ['^tests/fixture-plugin/harness\\.ts$', '\\.test\\.tsx?$'] },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^$1/', '^core/src/entries/plugin\\.ts$', '(^|/)node_modules/'],
      },
    },
    {
      name: 'plugin-tests-import-plugin-or-testing-entry',
      comment: "A plugin's own *.test.ts files may also use @painel/core/testing (core/src/entries/testing.ts).",
      severity: 'error',
      from: { path: '^(plugins/[^/]+|tests/fixture-plugin)/.*\\.test\\.tsx?$' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^$1/', '^core/src/entries/(plugin|testing)\\.ts$', '(^|/)node_modules/'],
      },
    },
    {
      name: 'module-imports-only-module-entry',
      comment:
        'Built-in modules (tenants, content) import core only through @painel/core/module (which includes the plugin API). Their command-line entry points (*main.ts) may also wire an app through @painel/core/app; their tests may use @painel/core/testing.',
      severity: 'error',
      from: { path: '^(tenants|content)/', pathNot: ['main\\.ts$', '\\.test\\.tsx?$'] },
      to: { path: '^core/', pathNot: '^core/src/entries/module\\.ts$' },
    },
    {
      name: 'module-main-imports-module-or-app-entry',
      comment: "A module's command-line entry point (*main.ts) imports core through @painel/core/module or @painel/core/app.",
      severity: 'error',
      from: { path: '^(tenants|content)/.*main\\.ts$' },
      to: { path: '^core/', pathNot: '^core/src/entries/(module|app)\\.ts$' },
    },
    {
      name: 'module-tests-import-entries',
      comment: "A module's own *.test.ts files import core through @painel/core/module or @painel/core/testing.",
      severity: 'error',
      from: { path: '^(tenants|content)/.*\\.test\\.tsx?$' },
      to: { path: '^core/', pathNot: '^core/src/entries/(module|testing)\\.ts$' },
    },
    {
      name: 'core-imports-no-feature',
      comment: 'Core never imports tenants, content, plugins or tests: they plug into core, not the other way round.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(tenants|content|plugins|tests)/' },
    },
    {
      name: 'core-does-not-import-its-entries',
      comment: "Core's own files import each other directly; the entries (core/src/entries) are for other packages.",
      severity: 'error',
      from: { path: '^core/', pathNot: '^core/src/entries/' },
      to: { path: '^core/src/entries/' },
    },
    {
      name: 'no-other-package-internals',
      comment:
        "No package imports another package's src/ internals: only its public entries (core: core/src/entries/*.ts through @painel/core/<entry>; the others: src/index.ts).",
      severity: 'error',
      from: { path: '^(core|tenants|content|tests|plugins/[^/]+)/' },
      to: {
        path: '^(core|tenants|content|plugins/[^/]+)/',
        pathNot: ['^$1/', '^core/src/entries/(plugin|module|app|testing)\\.ts$', '^(tenants|content|plugins/[^/]+)/src/index\\.tsx?$'],
      },
    },
    {
      name: 'no-circular',
      comment:
        'No runtime import cycles. Type-only cycles are tolerated (they vanish at run time), and so are the Drizzle schema files, whose tables reference each other lazily (`references(() => users.id)`).',
      severity: 'error',
      from: { path: '^(core|tenants|content|plugins|tests)/', pathNot: '/db/schema/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-plugin-host',
      comment:
        'Inside core/src/plugins not even type-only cycles: the host mounts the admin screens (plugins/admin/), which see the host only through hosted-plugin.ts.',
      severity: 'error',
      from: { path: '^core/src/plugins/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that does not resolve (e.g. a deep import the package "exports" map does not allow). tests/types/ holds compile-time checks that import what must not resolve (under @ts-expect-error).',
      severity: 'error',
      from: { path: '^(core|tenants|content|plugins|tests)/', pathNot: '^tests/types/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(node_modules|data|test-results|bench-results)/' },
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
