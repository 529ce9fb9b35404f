const seconds = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "3,8 s" */
export const formatSeconds = (ms: number): string => `${seconds.format(ms / 1000)} s`;

export interface StartProgress {
  /** Prints `label…`, runs `fn` and remembers how long it took under `short`. */
  step<T>(label: string, short: string, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` without a line of its own (it prints its own, or none), remembering its time when `counts` says so. */
  measure<T>(short: string, fn: () => Promise<T>, counts?: (result: T) => boolean): Promise<T>;
  /** A plain progress line (e.g. what a module's demo data contains). */
  line(text: string): void;
  /** "Pronto em 7,2 s (módulos 1,9 s · banco 3,1 s …): <where>". */
  ready(where: string): void;
}

/**
 * pt-BR progress lines while the app starts, on the console (not only in the JSON log), so whoever
 * runs `npm start` sees what the wait is for. Times count from the process start (`performance.now()`).
 */
export function startProgress(write: (line: string) => void = (l) => console.log(l), now: () => number = () => performance.now()): StartProgress {
  const steps: string[] = [];
  const measure: StartProgress['measure'] = async (short, fn, counts = () => true) => {
    const started = now();
    const result = await fn();
    if (counts(result)) steps.push(`${short} ${formatSeconds(now() - started)}`);
    return result;
  };
  return {
    step(label, short, fn) {
      write(`${label}…`);
      return measure(short, fn);
    },
    measure,
    line: write,
    ready(where) {
      write(`Pronto em ${formatSeconds(now())}${steps.length ? ` (${steps.join(' · ')})` : ''}: ${where}`);
    },
  };
}
