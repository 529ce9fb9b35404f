import type { Logger } from 'pino';
import type { UploadArea } from './upload-area.ts';

/** How often each instance looks for abandoned temp uploads. */
export const sweepEveryMs = 15 * 60_000;

/**
 * Sweeps abandoned temp uploads now and then every `everyMs` (main.ts). Every instance may sweep:
 * deleting a file another instance already deleted is not an error. Returns the stop function.
 */
export function startUploadSweeps(area: UploadArea, log: Logger, everyMs = sweepEveryMs): () => void {
  const sweep = () =>
    area
      .sweep()
      .then((r) => {
        if (r.removed > 0) log.info({ removed: r.removed, bytes: r.bytes }, 'abandoned temp uploads removed');
      })
      .catch((err: unknown) => log.error({ err }, 'temp upload sweep failed'));
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
