/**
 * The CLI's arguments: `[--json] [--system NAME] [--errors DIR] [--sheet NAME] [--table NAME] [entity=]FILE...`.
 * An `entity=` prefix names the entity by its unaccented pt-BR key (accents and case forgiven).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENTITY_KEYS, type EntityKey, isEntityKey } from '../prevalidation/entities.ts';
import { fold } from '../prevalidation/fold.ts';
import { UnusableInput } from '../prevalidation/readers/source.ts';

export interface CliArgs {
  json: boolean;
  system?: string;
  errorsDir?: string;
  sheet?: string;
  table?: string;
  files: Array<{ file: string; entity?: EntityKey }>;
}

export const usage = `Uso: npm run migration:check -- [--json] [--system NOME] [--errors PASTA] [--sheet ABA] [--table TABELA] [entidade=]ARQUIVO...
Entidades: ${ENTITY_KEYS.join(', ')}.
Sem "entidade=", ela é deduzida do nome do arquivo ou do cabeçalho.`;

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        system: { type: 'string' },
        errors: { type: 'string' },
        sheet: { type: 'string' },
        table: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UnusableInput(`${(error as Error).message.replace(/^.*?: /, 'Opção inválida: ')}\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UnusableInput(`Nenhum arquivo informado.\n${usage}`);
  const files = positionals.map((arg) => {
    const m = /^([^=/\\]+)=(.+)$/.exec(arg);
    if (!m || existsSync(arg)) return { file: arg };
    const key = fold(m[1]!).replace(/ /g, '_');
    if (!isEntityKey(key)) throw new UnusableInput(`Entidade desconhecida: "${m[1]}". Use uma de: ${ENTITY_KEYS.join(', ')}.`);
    return { file: m[2]!, entity: key };
  });
  return { json: values.json ?? false, system: values.system, errorsDir: values.errors, sheet: values.sheet, table: values.table, files };
}
