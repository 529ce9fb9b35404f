/** Every read of "now" goes through a Clock so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at `start` and only moves when told to. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string = '2026-03-02T12:00:00Z') {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  set(instant: Date | string): void {
    this.#ms = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

/** A clock that starts at `start` and then runs with real time (browser tests over seeded data); `set` jumps. */
export class TickingClock implements Clock {
  #offset: number;
  constructor(start: Date | string) {
    this.#offset = new Date(start).getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.#offset);
  }
  /** Jumps to `instant`, from where it runs on with real time. */
  set(instant: Date | string): void {
    this.#offset = new Date(instant).getTime() - Date.now();
  }
}
