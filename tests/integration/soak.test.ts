import { describe, expect, it } from 'vitest';
import { postgresBinariesInstalled } from '../support/restartable-cluster.ts';
import { runSoak, writeReport } from '../soak/soak.ts';

/**
 * The short soak with faults (the long one is `npm run test:soak`): two instances on one PostgreSQL
 * under load from five signed-in users — readers, support grants and revocations, clinic switches,
 * uploads — while one instance is killed with SIGKILL and started again, and PostgreSQL is stopped for
 * 10 s. Writes data/test-reports/soak.json.
 */
describe.runIf(postgresBinariesInstalled())('soak with faults (short)', () => {
  it('serves no 5xx outside the outage, no stale grant, keeps both instances alive and the audit chain whole', async () => {
    const t0 = Date.now();
    const log = (line: string) => console.log(`soak +${((Date.now() - t0) / 1000).toFixed(1)} s: ${line}`);
    const report = await runSoak({ phaseMs: 12_000, databaseDownMs: 10_000, maxRequests: 20_000, readersPerUser: 2, log });
    writeReport('soak', report);
    const summary = JSON.stringify({ ...report, auditVerifyOutput: report.auditVerifyOutput.slice(0, 300) }, null, 2);
    expect(report.problems, summary).toEqual([]);
    expect(report.fiveXxOutsideOutage, summary).toBe(0);
    expect(report.staleGrantResponses, summary).toBe(0);
    expect(report.bothProcessesAlive, summary).toBe(true);
    expect(report.auditChainVerified, summary).toBe(true);
    expect(report.instanceKills).toBe(1);
    expect(report.revocations, 'grants were revoked while the agent read').toBeGreaterThan(0);
    expect(report.checkedAfterRevocation, 'agent requests came after revocations').toBeGreaterThan(0);
    expect(report.clinicSwitches).toBeGreaterThan(0);
    expect(report.uploads, 'conquistas uploads were accepted during the run').toBeGreaterThan(0);
    expect(report.fiveXxInOutage, 'requests met the outage').toBeGreaterThan(0);
    expect(report.passed).toBe(true);
  }, 600_000);
});
