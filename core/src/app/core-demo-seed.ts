import { hashPassword } from '../auth/password.ts';
import { users } from '../db/schema/index.ts';
import type { DemoLogin } from '../modules/module.ts';
import type { CoreServices } from './services.ts';

export const demoPassword = 'demo1234';

export const coreDemoSummary = 'administradora da plataforma, equipe de migração';

const demoHashes = new WeakMap<CoreServices, Promise<string>>();

/**
 * The hash of the shared demo password, computed once per app and reused for every demo user (one
 * argon2id run instead of one per module), with the cost the app's config asks for.
 */
export function demoPasswordHash(services: CoreServices): Promise<string> {
  let hash = demoHashes.get(services);
  if (!hash) {
    hash = hashPassword(demoPassword, services.config);
    demoHashes.set(services, hash);
  }
  return hash;
}

/** The demo platform admin and the vendor's migration team. */
export async function seedCoreDemo(services: CoreServices): Promise<DemoLogin[]> {
  const passwordHash = await demoPasswordHash(services);
  await services.db.scoped({ kind: 'platform' }, (tx) =>
    tx.insert(users).values([
      { email: 'plataforma@demo.test', name: 'Paula Plataforma', kind: 'platform_admin', passwordHash },
      { email: 'migracao@demo.test', name: 'Mateus Migração', kind: 'migration_team', passwordHash },
    ]),
  );
  return [
    { email: 'plataforma@demo.test', description: 'administradora da plataforma' },
    { email: 'migracao@demo.test', description: 'equipe de migração' },
  ];
}
