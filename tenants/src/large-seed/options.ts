/** Command-line options of `npm run seed:large` (`--clinics N --users N --resellers N`). */
export interface LargeSeedOptions {
  resellers: number;
  clinics: number;
  users: number;
}

export const defaultLargeSeed: LargeSeedOptions = { resellers: 350, clinics: 100_000, users: 1_000_000 };
export const LARGE_SEED_LIMITS: LargeSeedOptions = { resellers: 9_000, clinics: 2_000_000, users: 20_000_000 };

export const largeSeedUsage = `Uso: npm run seed:large -- [--resellers N] [--clinics N] [--users N]
  --resellers N  singulares a criar (padrão 350)
  --clinics N    bases clínicas a criar (padrão 100000; no máximo 20000 por singular)
  --users N      usuários de clínica a criar, cada um com um vínculo (padrão 1000000)
Exemplo rápido: npm run seed:large -- --clinics 20000 --users 50000`;

export type ParsedOptions = { ok: true; options: LargeSeedOptions } | { ok: false; help: boolean; error?: string };

export function parseLargeSeedArgs(argv: readonly string[]): ParsedOptions {
  const options = { ...defaultLargeSeed };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { ok: false, help: true };
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const key = flag.replace(/^--/, '') as keyof LargeSeedOptions;
    if (!flag.startsWith('--') || !(key in options)) return { ok: false, help: false, error: `Opção desconhecida: ${arg}` };
    const text = inline ?? argv[++i];
    if (text === undefined || !/^\d[\d_.]*$/.test(text)) return { ok: false, help: false, error: `${flag} precisa de um número (recebido: ${text ?? 'nada'})` };
    const value = Number(text.replace(/[_.]/g, ''));
    if (value > LARGE_SEED_LIMITS[key]) return { ok: false, help: false, error: `${flag} aceita no máximo ${LARGE_SEED_LIMITS[key]}` };
    options[key] = value;
  }
  if (options.resellers < 1) return { ok: false, help: false, error: '--resellers deve ser pelo menos 1' };
  if (options.clinics > options.resellers * 20_000) {
    return { ok: false, help: false, error: `${options.clinics} bases não cabem em ${options.resellers} singulares (no máximo 20000 por singular)` };
  }
  if (options.users > 0 && options.clinics === 0) return { ok: false, help: false, error: 'usuários precisam de bases: use --clinics maior que 0' };
  return { ok: true, options };
}
