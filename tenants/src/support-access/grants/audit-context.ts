import type { AppEnv } from '@painel/core/module';
import type { Context } from 'hono';

/** Who is acting and from where, for the audit log and the grant history. */
export interface ActingUser {
  userId: number;
  email: string;
  name: string;
  ip: string | null;
  requestId: string | null;
}

export function actingUser(c: Context<AppEnv>): ActingUser {
  const user = c.get('actor').user;
  if (!user) throw new Error('actingUser needs a signed-in actor');
  return { userId: user.id, email: user.email, name: user.name, ip: c.get('clientIp'), requestId: c.get('requestId') };
}
