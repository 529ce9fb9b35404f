/** One autocannon run, and the product-vs-bare pairs the HTTP benchmark reports. */
export interface LoadResult {
  url: string;
  reqPerSec: number;
  total: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
}

export interface PairResult {
  id: string;
  route: string;
  app: LoadResult;
  bare: LoadResult;
  /** The product's throughput as a fraction of the bare handler's. */
  ratio: number;
}

export function pairOf(id: string, route: string, app: LoadResult, bare: LoadResult): PairResult {
  return { id, route, app, bare, ratio: bare.reqPerSec > 0 ? Math.round((app.reqPerSec / bare.reqPerSec) * 100) / 100 : Number.NaN };
}

export function printPairs(pairs: readonly PairResult[]): void {
  const header = ['', 'rota', 'req/s', 'p50 ms', 'p99 ms', 'nua req/s', 'nua p50', 'nua p99', 'razão'];
  const rows = pairs.map((p) => [
    p.id,
    p.route,
    String(p.app.reqPerSec),
    String(p.app.p50Ms),
    String(p.app.p99Ms),
    String(p.bare.reqPerSec),
    String(p.bare.p50Ms),
    String(p.bare.p99Ms),
    `${p.ratio.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const p of pairs) {
    const bad = p.app.non2xx + p.app.errors + p.bare.non2xx + p.bare.errors;
    if (bad > 0) console.log(`atenção: ${p.route}: ${bad} respostas não-2xx ou erros`);
  }
}
