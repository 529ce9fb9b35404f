/* global module */
/**
 * Package boundaries of Painel Singular, checked by `npm run lint`:
 *   npx depcruise --config .dependency-cruiser.cjs core tenants content plugins tests
 *
 * Packages meet only through public entries (package.json "exports" → <package>/src/index.ts).
 * Workspace links resolve to their real paths (core/src/index.ts, not node_modules/@painel/core/…),
 * so the rules below can name packages by folder.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'plugin-imports-only-core-entry',
      comment:
        'A plugin imports nothing but @painel/core (its public entry, core/src/index.ts), its own files, Node built-ins and npm packages.',
      severity: 'error',
      from: { path: '^(plugins/[^/]+|tests/fixture-plugin)/', pathNot: '^tests/fixture-plugin/harness\\.ts$' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^$1/', '^core/src/index\\.ts$', '(^|/)node_modules/'],
      },
    },
    {
      name: 'core-imports-no-feature',
      comment: 'Core never imports tenants, content, plugins or tests: they plug into core, not the other way round.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(tenants|content|plugins|tests)/' },
    },
    {
      name: 'no-other-package-internals',
      comment: "No package imports another package's src/ internals: only its public entry (src/index.ts).",
      severity: 'error',
      from: { path: '^(core|tenants|content|tests|plugins/[^/]+)/' },
      to: {
        path: '^(core|tenants|content|plugins/[^/]+)/',
        pathNot: ['^$1/', '^(core|tenants|content|plugins/[^/]+)/src/index\\.tsx?$'],
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
      comment: 'An import that does not resolve (e.g. a deep import the package "exports" map does not allow).',
      severity: 'error',
      from: { path: '^(core|tenants|content|plugins|tests)/' },
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
