/**
 * `@painel/core/testing`: what tests need — the app and module entries, plus controllable clocks,
 * session tokens and the plugin host's errors. Only test files import it (tests/, and `*.test.ts`
 * files of modules and plugins).
 */
export * from './app.ts';
export * from './module.ts';
export { ManualClock, TickingClock } from '../clock/clock.ts';
export { generateSessionToken, sessionIdFromToken } from '../auth/session-token.ts';
export { PluginDefinitionError } from '../plugins/define-plugin.ts';
export { LoginThrottle } from '../auth/login-throttle.ts';
export { isDatabaseUnavailable } from '../db/unavailable.ts';

// The harness a plugin's own tests start the app with (tests/support re-exports it).
export { createPluginTestApp, type PluginTestApp } from '../testing/plugin-test-app.ts';
export { openTemplateCopy, templateDrivers, testTemplates, type TestTemplates } from '../testing/template-copy.ts';
export { builtinTestModules, createTestApp, origin, type RegisteredRoute, type TestApp, testClient, type TestRequestInit } from '../testing/test-app.ts';
export { createSession } from '../testing/session-fixture.ts';
export { buildPgliteTemplate, buildPostgresTemplate, seedInstant, testAppRole, testEnv, withDatabase } from '../testing/test-templates.ts';
export { fuzz, type FuzzEntry, type FuzzReport, recordFuzz } from '../testing/fuzz.ts';
export { readTestReport, testReportsDir, updateTestReport, writeTestReport } from '../testing/test-reports.ts';
