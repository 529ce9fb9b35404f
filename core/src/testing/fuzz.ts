/**
 * Fuzzing with fast-check that records what it ran: `fuzz(name, property, { numRuns })` checks the
 * property, adds `{ name, cases, failures }` to `data/test-reports/fuzz.json` and fails the test with
 * fast-check's report (seed and counterexample) when a case fails. Keep a failure's counterexample as
 * an `examples` entry of the property so it is replayed on every run.
 */
import fc from 'fast-check';
import { updateTestReport } from './test-reports.ts';

export interface FuzzEntry {
  name: string;
  cases: number;
  failures: number;
}

export interface FuzzReport {
  validators: FuzzEntry[];
}

/** Adds (or replaces) one validator's line of the fuzz report. */
export function recordFuzz(entry: FuzzEntry): void {
  updateTestReport<FuzzReport>('fuzz', { validators: [] }, (report) => ({
    validators: [...report.validators.filter((v) => v.name !== entry.name), entry].sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

type AnyProperty = fc.IProperty<any> | fc.IAsyncProperty<any>;

/** Runs the property (sync or async), records it, and throws fast-check's report on a failure. */
export async function fuzz<Ts>(name: string, property: AnyProperty, parameters: fc.Parameters<Ts> = {}): Promise<FuzzEntry> {
  const details = await fc.check(property as fc.IAsyncProperty<any>, parameters as fc.Parameters<any>);
  const entry = { name, cases: details.numRuns, failures: details.failed ? 1 : 0 };
  recordFuzz(entry);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `${name}: a case failed`);
  return entry;
}
