import { type Database, type DriverName, openTemplateCopy, templateDrivers, testTemplates } from '@painel/core/testing';
import { inject } from 'vitest';

/** This run's templates (built by the global setup), as core's harness takes them. */
export const runTemplates = () => testTemplates(inject);

/** The drivers every DB test runs on: PGlite always, PostgreSQL when a server is available. */
export function testDrivers(): DriverName[] {
  return templateDrivers(runTemplates());
}

/** A fresh copy of the migrated, demo-seeded template; `close()` also drops the copy. */
export function openTestDatabase(driver: DriverName, extra: { onStatement?: (text: string) => void } = {}): Promise<Database> {
  return openTemplateCopy(driver, runTemplates(), extra);
}

/** Raw URL of a test database copy (for tests that open their own connections, e.g. two app instances). */
export function postgresServerUrl(): string {
  return inject('postgresServerUrl');
}
