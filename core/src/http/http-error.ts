/** Thrown by handlers to answer with a pt-BR error page (403, 404, 413, 429, …). */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
    message?: string,
    readonly detail?: { title?: string; retryAfterSeconds?: number; kind?: string },
  ) {
    super(message ?? `HTTP ${status}`);
  }
}

export const notFoundError = () => new HttpError(404);
