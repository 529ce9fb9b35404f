/**
 * A callback producer turned into an async iterable with back-pressure: the producer's `push` waits
 * while `high` items are queued, so a slow consumer slows the reading instead of filling memory.
 */
export function pushPull<T>(produce: (push: (item: T) => Promise<void> | void) => Promise<void>, high = 512): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const queue: T[] = [];
      let done = false;
      let failure: unknown = null;
      let wakeConsumer: (() => void) | null = null;
      let wakeProducer: (() => void) | null = null;
      let stopped = false;
      const wake = (which: 'consumer' | 'producer') => {
        const w = which === 'consumer' ? wakeConsumer : wakeProducer;
        if (which === 'consumer') wakeConsumer = null;
        else wakeProducer = null;
        w?.();
      };
      const push = (item: T): Promise<void> | void => {
        if (stopped) throw new Error('consumer stopped');
        queue.push(item);
        wake('consumer');
        if (queue.length >= high) return new Promise<void>((resolve) => (wakeProducer = resolve));
      };
      let started = false;
      const start = () => {
        started = true;
        produce(push).then(
          () => {
            done = true;
            wake('consumer');
          },
          (error: unknown) => {
            failure = error;
            done = true;
            wake('consumer');
          },
        );
      };
      return {
        async next(): Promise<IteratorResult<T>> {
          if (!started) start();
          for (;;) {
            if (queue.length > 0) {
              const value = queue.shift()!;
              if (queue.length < high / 2) wake('producer');
              return { value, done: false };
            }
            if (done) {
              if (failure && !stopped) throw failure;
              return { value: undefined, done: true };
            }
            await new Promise<void>((resolve) => (wakeConsumer = resolve));
          }
        },
        async return(): Promise<IteratorResult<T>> {
          stopped = true;
          queue.length = 0;
          wake('producer');
          return { value: undefined, done: true };
        },
      };
    },
  };
}
