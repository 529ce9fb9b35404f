/**
 * The outcome of an authorization question:
 * - allow;
 * - login: nobody is signed in (the page sends them to /login);
 * - forbidden: signed in but not allowed (403 page with the reason);
 * - not_found: a resource of another tenant — answered as if it did not exist (404).
 */
export type Decision =
  | { kind: 'allow' }
  | { kind: 'login' }
  | { kind: 'forbidden'; reason: string }
  | { kind: 'not_found' };

export const allow: Decision = { kind: 'allow' };
export const needLogin: Decision = { kind: 'login' };
export const notFound: Decision = { kind: 'not_found' };
export const forbidden = (reason: string): Decision => ({ kind: 'forbidden', reason });
