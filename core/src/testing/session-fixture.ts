import { and, eq } from 'drizzle-orm';
import type { CoreServices } from '../app/services.ts';
import { sessionCookieName } from '../auth/session-cookie.ts';
import * as schema from '../db/schema/index.ts';

/**
 * A session for an active user, created the way a successful login creates it (core's session
 * store) but without the login request: returns the cookie header value (`painel_sessao=…`).
 */
export async function createSession(services: CoreServices, email: string): Promise<string> {
  const [user] = await services.db.scoped({ kind: 'platform' }, (tx) =>
    tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(and(eq(schema.users.email, email), eq(schema.users.status, 'active'))),
  );
  if (!user) throw new Error(`no active user ${email} to open a session for`);
  const { token } = await services.sessions.create(user.id, { ip: null, userAgent: 'session fixture' });
  return `${sessionCookieName(services.config.secureCookies)}=${token}`;
}
