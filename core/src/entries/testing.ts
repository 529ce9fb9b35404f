/**
 * `@painel/core/testing`: what tests need — the app and module entries, plus controllable clocks,
 * session tokens and the plugin host's errors. Only test files import it (tests/, and `*.test.ts`
 * files of modules and plugins).
 */
export * from './app.ts';
export * from './module.ts';
export { ManualClock, TickingClock } from '../clock/clock.ts';
export { generateSessionToken, sessionIdFromToken } from '../auth/session-token.ts';
export { PluginDefinitionError } from '../plugins/define-plugin.ts';
export { LoginThrottle } from '../auth/login-throttle.ts';
