/** A session without a login request: core's (`@painel/core/testing`), shared with plugin tests. */
export { createSession } from '@painel/core/testing';
