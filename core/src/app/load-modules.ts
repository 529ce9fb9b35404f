import type { ModuleDefinition } from '../modules/module.ts';

/** The built-in modules, loaded by package name (core never imports them statically). */
export const builtinModules = ['@painel/tenants', '@painel/content'];

export class ModuleLoadError extends Error {
  override name = 'ModuleLoadError';
}

export async function loadModules(names: string[]): Promise<ModuleDefinition[]> {
  const loaded: ModuleDefinition[] = [];
  for (const name of names) {
    let mod: { default?: ModuleDefinition };
    try {
      mod = (await import(name)) as { default?: ModuleDefinition };
    } catch (error) {
      throw new ModuleLoadError(`Não foi possível carregar o pacote "${name}": ${(error as Error).message.split('\n')[0]}`);
    }
    if (!mod.default || typeof mod.default.id !== 'string') {
      throw new ModuleLoadError(`O pacote "${name}" não exporta um módulo (export default defineModule(...)).`);
    }
    loaded.push(mod.default);
  }
  return loaded;
}
