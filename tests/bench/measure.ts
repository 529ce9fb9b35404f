/** Timing and memory of one benchmark case (rows/s, RSS and heap growth), shared by the load benchmarks. */

export const fmt = (n: number) => new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 }).format(n);
export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export interface Measured {
  name: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  /** Heap growth right after a forced collection (every 100,000 rows; needs node --expose-gc): what the load keeps. */
  retainedHeapGrowthMb: number | null;
  note?: string;
}

/** Runs `fn`, sampling memory every 20 ms and whenever `sample` is called (from inside the load). */
export async function measure(name: string, rows: number, fn: (sample: (collect?: boolean) => void) => Promise<unknown>, note?: string): Promise<Measured> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  let retained: number | null = null;
  const sample = (collect = false) => {
    if (collect && globalThis.gc) {
      globalThis.gc();
      retained = Math.max(retained ?? 0, process.memoryUsage().heapUsed - before.heapUsed);
    }
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    await fn(sample);
  } finally {
    clearInterval(timer);
  }
  sample();
  const seconds = (performance.now() - started) / 1000;
  const result: Measured = {
    name,
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    rssGrowthMb: mb(rss - before.rss),
    heapGrowthMb: mb(heap - before.heapUsed),
    retainedHeapGrowthMb: retained === null ? null : mb(retained),
    ...(note ? { note } : {}),
  };
  console.log(`  ${name.padEnd(58)} ${fmt(result.rowsPerSecond).padStart(9)} linhas/s  ${fmt(result.seconds).padStart(6)} s  RSS +${fmt(result.rssGrowthMb)} MB  heap +${fmt(result.heapGrowthMb)} MB${result.retainedHeapGrowthMb === null ? '' : ` (retido +${fmt(result.retainedHeapGrowthMb)} MB)`}`);
  return result;
}

