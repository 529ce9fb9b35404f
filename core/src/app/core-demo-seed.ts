import { hashPassword } from '../auth/password.ts';
import { users } from '../db/schema/index.ts';
import type { DemoLogin } from '../modules/module.ts';
import type { CoreServices } from './services.ts';

export const demoPassword = 'demo1234';

/** The demo platform admin. */
export async function seedCoreDemo(services: CoreServices): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(demoPassword);
  await services.db.scoped({ kind: 'platform' }, (tx) =>
    tx.insert(users).values({ email: 'plataforma@demo.test', name: 'Paula Plataforma', kind: 'platform_admin', passwordHash }),
  );
  return [{ email: 'plataforma@demo.test', description: 'administradora da plataforma' }];
}
