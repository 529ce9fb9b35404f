import { fileURLToPath } from 'node:url';
import {
  allow,
  createApp,
  createLogger,
  createServices,
  type Database,
  definePlugin,
  loadConfig,
  loadPlugins,
  ManualClock,
  PluginDefinitionError,
  PluginLoadError,
} from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { createPluginTestApp } from '../fixture-plugin/harness.ts';
import { testEnv } from '../support/templates.ts';
import { appModules } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

const minimal = (over: Record<string, unknown> = {}) => ({
  id: 'probe',
  version: '1.0.0',
  displayName: 'Sonda',
  requires: { core: '^1.0.0' },
  register() {},
  ...over,
});

describe('definePlugin', () => {
  it('accepts a well-formed plugin and brands it', () => {
    const plugin = definePlugin(minimal());
    expect(plugin.id).toBe('probe');
    expect(Object.isFrozen(plugin)).toBe(true);
  });

  it.each([
    [{ id: 'Probe' }, /o id deve seguir/],
    [{ id: '1probe' }, /o id deve seguir/],
    [{ id: 'probe_x' }, /o id deve seguir/],
    [{ version: 'um' }, /não é semver/],
    [{ requires: { core: 'qualquer coisa' } }, /requires\.core deve ser uma faixa semver/],
    [{ displayName: ' ' }, /displayName/],
    [{ migrations: { folder: 'migrations' } }, /caminho absoluto/],
    [{ settings: z.object({ token: z.string() }) }, /valor padrão/],
  ])('refuses %o', (over, message) => {
    expect(() => definePlugin(minimal(over) as never)).toThrow(message);
  });
});

describe('loading plugins by package name', () => {
  it('stops with a one-line pt-BR message when the package is missing', async () => {
    const error = await loadPlugins(['@painel/nao-existe']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginLoadError);
    expect((error as Error).message).toBe(
      'Plugin "@painel/nao-existe" não encontrado: confira a variável PLUGINS e se o pacote está instalado (npm install).',
    );
  });

  it('stops when requires.core does not accept this core', async () => {
    const path = fileURLToPath(new URL('../fixture-plugin/variants/incompatible.ts', import.meta.url));
    const error = await loadPlugins([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginLoadError);
    expect((error as Error).message).toBe(
      'O plugin "future-plugin" (versão 3.0.0) exige o core ^2.0.0, mas este é o core 1.0.0: atualize o plugin ou o core.',
    );
    expect((error as Error).message).not.toContain('\n');
    await expect(loadPlugins([path], '2.1.0')).resolves.toHaveLength(1);
  });

  it('stops when the package does not export a plugin, and on a repeated id', async () => {
    const notPlugin = fileURLToPath(new URL('../fixture-plugin/variants/not-a-plugin.ts', import.meta.url));
    await expect(loadPlugins([notPlugin])).rejects.toThrow(/não é um plugin: ele deve ter export default definePlugin/);
    const fixture = fileURLToPath(new URL('../fixture-plugin/src/index.ts', import.meta.url));
    await expect(loadPlugins([fixture, fixture])).rejects.toThrow(/Dois pacotes declaram o plugin "fixture-plugin"/);
    const [loaded] = await loadPlugins([fixture]);
    expect(loaded).toBe(fixturePlugin);
  });
});

describe('registering plugins (phase 1) on pglite', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await db.close();
  });

  const build = async (...plugins: ReturnType<typeof definePlugin>[]) => {
    const config = loadConfig(testEnv);
    const services = createServices(config, db, new ManualClock(), createLogger(config));
    return createApp(services, await appModules(), plugins);
  };

  it('refuses to start on a plugin route without a data class', async () => {
    const plugin = definePlugin(
      minimal({
        register(r: any) {
          r.routes((router: any) => router.get('/sem-classe', { permission: 'authenticated' }, (c: any) => c.text('x')));
        },
      }),
    );
    const error = await build(plugin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginDefinitionError);
    expect((error as Error).message).toBe(
      'O plugin "probe" não pôde ser montado: a rota GET /p/probe/sem-classe não declara a classe de dados (general, personal ou ehr).',
    );
  });

  it('refuses a route with an unknown permission or a path outside /p/<id>', async () => {
    const unknown = definePlugin(
      minimal({ register: (r: any) => r.routes((router: any) => router.get('/', { permission: 'probe:nada', dataClass: 'general' }, () => null)) }),
    );
    await expect(build(unknown)).rejects.toThrow(/permissão desconhecida "probe:nada"/);
    const escape = definePlugin(
      minimal({ register: (r: any) => r.routes((router: any) => router.get('../admin', { permission: 'authenticated', dataClass: 'general' }, () => null)) }),
    );
    await expect(build(escape)).rejects.toThrow(/deve ser '' ou começar com '\/'/);
  });

  it('gives plugins a router with the ScreenRouter methods only (no Hono app, no raw routes)', async () => {
    let seen: object | undefined;
    const plugin = definePlugin(minimal({ register: (r: any) => r.routes((router: object) => (seen = router)) }));
    await build(plugin);
    expect(Object.keys(seen!).sort()).toEqual(['get', 'on', 'post']);
    expect(Object.isFrozen(seen)).toBe(true);
  });

  it('requires permissions namespaced by the plugin id', async () => {
    const plugin = definePlugin(minimal({ register: (r: any) => r.permission('clinic.manage2', () => allow) }));
    await expect(build(plugin)).rejects.toThrow('Plugin "probe": a permissão "clinic.manage2" deve ter o prefixo do plugin: "probe:<nome>".');
    const other = definePlugin(minimal({ register: (r: any) => r.permission('fixture-plugin:view', () => allow) }));
    await expect(build(other)).rejects.toThrow(/deve ter o prefixo do plugin/);
  });

  it('refuses an async register, unknown events, bad jobs and a nav entry with an unknown permission', async () => {
    await expect(build(definePlugin(minimal({ register: async () => {} })))).rejects.toThrow(/register\(\) deve ser síncrono/);
    await expect(build(definePlugin(minimal({ register: (r: any) => r.on('clinic.exploded', () => {}) })))).rejects.toThrow(
      /evento desconhecido "clinic\.exploded"/,
    );
    await expect(
      build(definePlugin(minimal({ register: (r: any) => r.job('limpar', { everyMinutes: 0 }, async () => {}) }))),
    ).rejects.toThrow(/everyMinutes inteiro/);
    await expect(
      build(definePlugin(minimal({ register: (r: any) => r.nav({ label: 'X', path: '/', permission: 'probe:x', section: 'main' }) }))),
    ).rejects.toThrow(/permissão desconhecida "probe:x"/);
  });

  it('checks requires.core even for a plugin handed over directly', async () => {
    await expect(build(definePlugin(minimal({ requires: { core: '>=2' } })))).rejects.toThrow(
      'O plugin "probe" (versão 1.0.0) exige o core >=2, mas este é o core 1.0.0: atualize o plugin ou o core.',
    );
  });

  it('refuses a plugin id taken by a built-in module or configured twice', async () => {
    await expect(build(definePlugin(minimal({ id: 'tenants' })))).rejects.toThrow(/usa o id de um módulo interno/);
    const a = definePlugin(minimal());
    await expect(build(a, a)).rejects.toThrow(/configurado duas vezes/);
  });

  it('shows an empty plugins page, with how to install one, when none is configured', async () => {
    const t = await createPluginTestApp(db, []);
    const platform = await t.login('plataforma@demo.test');
    const html = await (await t.request('/plataforma/plugins', { cookie: platform })).text();
    expect(html).toContain('Nenhum plugin instalado');
    expect(html).toContain('PLUGINS=@painel/support');
  });

  it('isolates a plugin whose start() fails: health "failed", routes 503, nav hidden, plugins page says so', async () => {
    const failing = definePlugin(
      minimal({
        id: 'falha',
        displayName: 'Plugin que falha',
        register(r: any) {
          r.routes((router: any) => router.get('/', { permission: 'authenticated', dataClass: 'general' }, (c: any) => c.text('ok')));
          r.nav({ label: 'Falha no menu', path: '/', permission: 'authenticated', section: 'main' });
        },
        async start() {
          throw new Error('serviço externo fora do ar');
        },
      }),
    );
    const t = await createPluginTestApp(db, [failing, fixturePlugin]);
    expect(t.host.get('falha')?.health).toMatchObject({ state: 'failed', error: 'serviço externo fora do ar' });
    expect(t.host.get('fixture-plugin')?.health.state).toBe('started');
    const gestor = await t.login('clinica@demo.test');
    const res = await t.request('/p/falha', { cookie: gestor });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('está indisponível no momento');
    const start = await (await t.request('/', { cookie: gestor })).text();
    expect(start).not.toContain('Falha no menu');
    expect(start).toContain('Notas (fixture)');
    const platform = await t.login('plataforma@demo.test');
    const page = await (await t.request('/plataforma/plugins', { cookie: platform })).text();
    expect(page).toContain('Falhou ao iniciar');
    expect(page).toContain('serviço externo fora do ar');
    await t.host.stop();
  });
});
