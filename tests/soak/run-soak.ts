import { runSoak, writeReport } from './soak.ts';

/**
 * `npm run test:soak`: the soak with faults at full length (loopback only: a throwaway PostgreSQL
 * cluster and two app instances on 127.0.0.1). Bounded: SOAK_PHASE_SECONDS of load before, between and
 * after the two faults (default 60), SOAK_MAX_REQUESTS in all (default 100,000). Writes
 * data/test-reports/soak.json; exit 1 when a figure is off.
 */
const phaseMs = Number(process.env.SOAK_PHASE_SECONDS ?? 60) * 1000;
const maxRequests = Number(process.env.SOAK_MAX_REQUESTS ?? 100_000);
if (!(phaseMs > 0) || !(maxRequests > 0)) {
  console.error('SOAK_PHASE_SECONDS e SOAK_MAX_REQUESTS precisam ser números positivos.');
  process.exit(2);
}

const report = await runSoak({ phaseMs, databaseDownMs: 10_000, maxRequests, readersPerUser: 3, log: (line) => console.log(line) });
const file = writeReport('soak', report);
console.log(JSON.stringify(report, null, 2));
console.log(`${report.passed ? 'OK' : 'FALHOU'}: ${file}`);
process.exit(report.passed ? 0 : 1);
