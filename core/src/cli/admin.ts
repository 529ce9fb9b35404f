import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { builtinModules, loadModules } from '../app/load-modules.ts';
import { prepareDatabase } from '../app/bootstrap.ts';
import { AuditLog } from '../audit/audit-log.ts';
import { hashPassword, passwordRules } from '../auth/password.ts';
import { systemClock } from '../clock/clock.ts';
import { loadConfig } from '../config/env.ts';
import { users } from '../db/schema/index.ts';
import { openDatabase, pgliteDir } from '../db/open-database.ts';

const usage = `Uso: npm run admin -- create-user --email <e-mail> --name "<nome>"
A senha é lida da variável ADMIN_PASSWORD ou pedida no terminal.`;

/** Administrative commands for production: creates a real platform admin. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals[0] !== 'create-user') {
    console.error(usage);
    return 2;
  }
  const input = z
    .object({ email: z.string().email('e-mail inválido'), name: z.string().trim().min(2, 'informe o nome') })
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
    const created = await db.scoped({ kind: 'platform' }, async (tx) => {
      const rows = await tx
        .insert(users)
        .values({ email: input.data.email, name: input.data.name, kind: 'platform_admin', passwordHash })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (rows[0]) {
        await new AuditLog(db, systemClock).append(
          { action: 'user.create', target: `user:${rows[0].id}`, details: { kind: 'platform_admin', via: 'cli' } },
          tx,
        );
      }
      return rows[0];
    });
    if (!created) {
      console.error(`Já existe um usuário com o e-mail ${input.data.email}.`);
      return 1;
    }
    console.log(`Administrador da plataforma criado: ${input.data.email}`);
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
