/** What the fixture plugin saw, for tests to assert on (test-only; a real plugin has no such thing). */
export const probe = {
  starts: 0,
  stops: 0,
  /** The registrar captured in register(), to prove it is sealed afterwards. */
  registrar: undefined as unknown,
  /** When set, the `count-slowly` job waits for it after each step (tests hold a runner still). */
  jobGate: null as Promise<void> | null,
};
