import { z } from 'zod';
import { isProxyList } from '../http/client-ip.ts';

const durationMinutes = (fallback: number) =>
  z.coerce.number().int('deve ser um número inteiro de minutos').positive('deve ser maior que zero').default(fallback);

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'use true ou false' })
  .transform((v) => v === 'true' || v === '1');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'use development, production ou test' }).default('development'),
  PORT: z.coerce.number().int().min(1, 'porta entre 1 e 65535').max(65535, 'porta entre 1 e 65535').default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'deve começar com postgres:// ou postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  APP_DB_ROLE: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'nome de papel Postgres em minúsculas').default('painel_app'),
  SESSION_IDLE_MINUTES: durationMinutes(30),
  SESSION_ABSOLUTE_MINUTES: durationMinutes(12 * 60),
  PUBLIC_ORIGIN: z.string().url('deve ser uma URL como https://painel.exemplo.com.br').optional(),
  SECURE_COOKIES: booleanFlag.optional(),
  TRUSTED_PROXIES: z
    .string()
    .refine(isProxyList, 'lista de IPs ou redes CIDR separados por vírgula, como 10.0.0.1,192.168.0.0/16')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: booleanFlag.optional(),
  PASSWORD_HASH_COST: z.enum(['standard', 'test'], { message: 'use standard ou test' }).default('standard'),
  JOB_LEASE_SECONDS: z.coerce
    .number()
    .int('deve ser um número inteiro de segundos')
    .min(2, 'entre 2 e 3600 segundos')
    .max(3600, 'entre 2 e 3600 segundos')
    .default(60),
  PLUGINS: z
    .string()
    .regex(/^[@a-z0-9/._,-]*$/, 'lista de pacotes separados por vírgula')
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  appDbRole: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  publicOrigin: string | undefined;
  /** Proxies whose X-Forwarded-For is believed (IPs and CIDRs). */
  trustedProxies: string[];
  secureCookies: boolean;
  logLevel: Env['LOG_LEVEL'];
  demoData: boolean;
  plugins: string[] | undefined;
  /** A running job's lease: another instance takes it over only after this long without a heartbeat. */
  jobLeaseMs: number;
  /** `test`: cheap argon2id for the test suite; accepted only with NODE_ENV=test. */
  passwordHashCost: Env['PASSWORD_HASH_COST'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value throws a ConfigError with one line naming the variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = first?.path.join('.') ?? '?';
    const got = name in cleaned ? ` (recebido: "${String(cleaned[name]).slice(0, 60)}")` : '';
    throw new ConfigError(`Configuração inválida: ${name} ${first?.message ?? 'inválido'}${got}`);
  }
  const e = parsed.data;
  if (e.SESSION_ABSOLUTE_MINUTES < e.SESSION_IDLE_MINUTES) {
    throw new ConfigError(
      'Configuração inválida: SESSION_ABSOLUTE_MINUTES deve ser maior ou igual a SESSION_IDLE_MINUTES',
    );
  }
  if (e.PASSWORD_HASH_COST === 'test' && e.NODE_ENV !== 'test') {
    throw new ConfigError('Configuração inválida: PASSWORD_HASH_COST=test só é aceito com NODE_ENV=test');
  }
  const httpsOrigin = e.PUBLIC_ORIGIN?.startsWith('https://') ?? false;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    appDbRole: e.APP_DB_ROLE,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_MINUTES * 60_000,
    publicOrigin: e.PUBLIC_ORIGIN,
    trustedProxies: e.TRUSTED_PROXIES?.split(',').map((s) => s.trim()).filter(Boolean) ?? [],
    secureCookies: e.SECURE_COOKIES ?? (httpsOrigin || e.NODE_ENV === 'production'),
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    plugins: e.PLUGINS?.split(',').map((s) => s.trim()).filter(Boolean),
    passwordHashCost: e.PASSWORD_HASH_COST,
  };
}
