import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { builtinModules, loadModules } from '../app/load-modules.ts';
import { prepareDatabase } from '../app/bootstrap.ts';
import { AuditLog } from '../audit/audit-log.ts';
import { hashPassword, passwordRules } from '../auth/password.ts';
import { systemClock } from '../clock/clock.ts';
import { loadConfig } from '../config/env.ts';
import { eq } from 'drizzle-orm';
import { resellers, users } from '../db/schema/index.ts';
import { openDatabase, pgliteDir } from '../db/open-database.ts';

const usage = `Uso: npm run admin -- create-user --email <e-mail> --name "<nome>" [--singular <id reseller>]
Sem --singular cria um administrador da plataforma; com --singular, um administrador daquela singular.
A senha é lida da variável ADMIN_PASSWORD ou pedida no terminal.`;

/** Administrative commands for production: creates a real platform admin, or a singular's admin. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, singular: { type: 'string' } },
  });
  if (positionals[0] !== 'create-user') {
    console.error(usage);
    return 2;
  }
  const input = z
    .object({
      email: z.string().email('e-mail inválido'),
      name: z.string().trim().min(2, 'informe o nome'),
      singular: z
        .string()
        .regex(/^[0-9]{1,9}$/, 'o id reseller da singular tem só dígitos')
        .optional(),
    })
    .safeParse(values);
  if (!input.success) {
    console.error(`${input.error.issues[0]?.message}\n${usage}`);
    return 2;
  }
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Senha (mínimo 8 caracteres): ');
    rl.close();
  }
  if (password.length < passwordRules.minLength) {
    console.error(`A senha precisa ter pelo menos ${passwordRules.minLength} caracteres.`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir(config.dataDir), appRole: config.appDbRole });
  try {
    await prepareDatabase(db, await loadModules([...builtinModules, ...(config.plugins ?? [])]));
    const passwordHash = await hashPassword(password);
    const { email, name, singular } = input.data;
    const created = await db.scoped({ kind: 'platform' }, async (tx) => {
      const [reseller] = singular
        ? await tx.select({ id: resellers.id, name: resellers.name }).from(resellers).where(eq(resellers.code, singular)).limit(1)
        : [null];
      if (reseller === undefined) return 'no-reseller' as const;
      const kind = reseller ? 'reseller_admin' : 'platform_admin';
      const rows = await tx
        .insert(users)
        .values({ email, name, kind, resellerId: reseller?.id ?? null, passwordHash })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (rows[0]) {
        await new AuditLog(db, systemClock).append(
          {
            action: 'user.create',
            resellerId: reseller?.id ?? null,
            target: `user:${rows[0].id}`,
            details: reseller ? { kind, via: 'cli', singular } : { kind, via: 'cli' },
          },
          tx,
        );
      }
      return rows[0] ? { reseller } : undefined;
    });
    if (created === 'no-reseller') {
      console.error(`Nenhuma singular com o id reseller ${singular}.`);
      return 1;
    }
    if (!created) {
      console.error(`Já existe um usuário com o e-mail ${email}.`);
      return 1;
    }
    if (created.reseller) {
      console.log(`Administrador da singular ${created.reseller.name} criado: ${email}`);
      return 0;
    }
    console.log(`Administrador da plataforma criado: ${email}`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
