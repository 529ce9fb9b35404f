import { createTestApp as createCoreTestApp, type ModuleDefinition, builtinModules, loadModules } from '@painel/core/testing';
import { testModules } from './test-modules.ts';

/** The test app lives in core (`@painel/core/testing`), so a plugin's own tests use it too. */
export { type RegisteredRoute, type TestApp, type TestRequestInit, origin, testClient } from '@painel/core/testing';

let modulesPromise: Promise<ModuleDefinition[]> | undefined;
/** The built-in modules plus the packages under test (tests/support/test-modules.ts), loaded once. */
export function appModules(): Promise<ModuleDefinition[]> {
  modulesPromise ??= loadModules([...builtinModules, ...testModules]);
  return modulesPromise;
}

/** core's createTestApp with this suite's modules by default. */
export async function createTestApp(...[db, options = {}]: Parameters<typeof createCoreTestApp>): ReturnType<typeof createCoreTestApp> {
  return createCoreTestApp(db, { ...options, modules: options.modules ?? (await appModules()) });
}
