import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');
const config = join(root, '.dependency-cruiser.cjs');

function cruise(cwd: string, folders: string[]) {
  const run = spawnSync(depcruise, ['--config', config, ...folders], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** A throwaway tree with the repo's layout, so the real config's path rules apply to it. */
function probeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'painel-depcruise-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Core's entries and one internal file; package.json carries the repository's real "exports" map. */
const coreFiles = {
  'core/package.json': readFileSync(join(root, 'core', 'package.json'), 'utf8'),
  'core/src/entries/plugin.ts': "export { secret } from '../db/secret.ts';\n",
  'core/src/entries/module.ts': "export * from './plugin.ts';\n",
  'core/src/entries/app.ts': "export const createApp = 1;\n",
  'core/src/entries/testing.ts': "export * from './app.ts';\n",
  'core/src/db/secret.ts': 'export const secret = 42;\n',
};

/** Links node_modules/@painel/core to the probe's core/, as npm's workspaces do. */
function linkCore(dir: string): void {
  mkdirSync(join(dir, 'node_modules', '@painel'), { recursive: true });
  symlinkSync(join(dir, 'core'), join(dir, 'node_modules', '@painel', 'core'), 'dir');
}

describe('package boundaries (dependency-cruiser)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('accepts a plugin that imports only @painel/core/plugin, its own files and Node built-ins (and testing in its tests)', () => {
    const dir = probeTree({
      ...coreFiles,
      'plugins/good/src/index.ts':
        "import { secret } from '@painel/core/plugin';\nimport { helper } from './helper.ts';\nimport { join } from 'node:path';\nexport default [secret, helper, join];\n",
      'plugins/good/src/helper.ts': 'export const helper = 1;\n',
      'plugins/good/src/helper.test.ts': "import { createApp } from '@painel/core/testing';\nimport { helper } from './helper.ts';\nexport default [createApp, helper];\n",
    });
    dirs.push(dir);
    linkCore(dir);
    const run = cruise(dir, ['core', 'plugins']);
    expect(run.output).toContain('no dependency violations');
    expect(run.status).toBe(0);
  });

  it('fails on a plugin reaching into core internals or another plugin, and on core importing a plugin', () => {
    const dir = probeTree({
      ...coreFiles,
      'core/src/leak.ts': "import other from '../../plugins/other/src/index.ts';\nexport const leak = other;\n",
      'plugins/other/src/index.ts': 'export default 1;\n',
      'plugins/bad/src/index.ts':
        "import { secret } from '../../../core/src/db/secret.ts';\nimport other from '../../other/src/index.ts';\nexport default [secret, other];\n",
      'plugins/wide/src/index.ts':
        "import { secret } from '@painel/core/module';\nimport { createApp } from '@painel/core/app';\nimport { createApp as c2 } from '@painel/core/testing';\nexport default [secret, createApp, c2];\n",
      'plugins/root/src/index.ts': "import { secret } from '@painel/core';\nexport default secret;\n",
    });
    linkCore(dir);
    dirs.push(dir);
    const run = cruise(dir, ['core', 'plugins']);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/plugin-imports-only-plugin-entry: plugins\/bad\/src\/index\.ts → core\/src\/db\/secret\.ts/);
    expect(run.output).toMatch(/plugin-imports-only-plugin-entry: plugins\/bad\/src\/index\.ts → plugins\/other\/src\/index\.ts/);
    expect(run.output).toMatch(/core-imports-no-feature: core\/src\/leak\.ts → plugins\/other\/src\/index\.ts/);
    for (const entry of ['module', 'app', 'testing']) {
      expect(run.output).toContain(`plugin-imports-only-plugin-entry: plugins/wide/src/index.ts → core/src/entries/${entry}.ts`);
    }
    // There is no root entry: `@painel/core` alone does not resolve.
    expect(run.output).toMatch(/not-to-unresolvable: plugins\/root\/src\/index\.ts → @painel\/core\b/);
  });

  it('lets the built-in modules import only @painel/core/module (their *main.ts also /app)', () => {
    const dir = probeTree({
      ...coreFiles,
      'tenants/src/index.ts': "import { secret } from '@painel/core/module';\nexport default secret;\n",
      'tenants/src/cli/seed-main.ts': "import { createApp } from '@painel/core/app';\nimport { secret } from '@painel/core/module';\nexport default [createApp, secret];\n",
      'content/src/index.ts': "import { createApp } from '@painel/core/app';\nimport { secret } from '../../core/src/db/secret.ts';\nexport default [createApp, secret];\n",
    });
    dirs.push(dir);
    linkCore(dir);
    const run = cruise(dir, ['core', 'tenants', 'content']);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('module-imports-only-module-entry: content/src/index.ts → core/src/entries/app.ts');
    expect(run.output).toContain('module-imports-only-module-entry: content/src/index.ts → core/src/db/secret.ts');
    expect(run.output).not.toContain('tenants/src/');
  });

  it('fails on a package importing another package’s src/ internals', () => {
    const dir = probeTree({
      ...coreFiles,
      'tests/helper.ts': "export { secret } from '../core/src/db/secret.ts';\n",
    });
    dirs.push(dir);
    const run = cruise(dir, ['core', 'tests']);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/no-other-package-internals: tests\/helper\.ts → core\/src\/db\/secret\.ts/);
  });

  it('holds for core and the fixture plugin in this repository', () => {
    const run = cruise(root, ['core', 'tests/fixture-plugin']);
    expect(run.output).toContain('no dependency violations');
    expect(run.status).toBe(0);
  });
});

describe('plugin code rules (ESLint)', () => {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, '.eslint.config.js') });
  /** Lints `code` as if it were the file at `path` (nothing is written: the config applies by path). */
  const lint = async (path: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, path) });
    return result!.messages.map((m) => `${m.line}:${m.ruleId}`);
  };
  const bad = [
    "import { a } from '@painel/core';",
    "import { b } from '@painel/core/module';",
    "import { c } from '@painel/core/app';",
    "import { d } from '@painel/core/testing';",
    "import { e } from '../../../core/src/db/open-database.ts';",
    "import { f } from '@painel/core/src/app/services.ts';",
    "import { g } from '@painel/tenants';",
    "import { ok } from '@painel/core/plugin';",
    "export const h = (x: any) => [x.get('services').db.owner, x.var.services, a, b, c, d, e, f, g, ok];",
  ].join('\n');

  it("fails a plugin file that imports anything of core but @painel/core/plugin, or reads c.get('services')", async () => {
    const messages = await lint('plugins/probe/src/index.ts', bad);
    expect(messages).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '5:no-restricted-imports',
      '6:no-restricted-imports',
      '6:no-restricted-imports',
      '7:no-restricted-imports',
      '9:no-restricted-syntax',
      '9:no-restricted-syntax',
    ]);
    expect(await lint('tests/fixture-plugin/src/probe.ts', bad)).toEqual(messages);
  });

  it("lets a plugin's tests use @painel/core/testing, and leaves module code alone", async () => {
    const messages = await lint('plugins/probe/src/probe.test.ts', bad);
    expect(messages).not.toContain('4:no-restricted-imports');
    expect(messages).toContain('2:no-restricted-imports');
    expect(await lint('tenants/src/probe.ts', bad)).toEqual([]);
    expect(await lint('plugins/probe/src/good.ts', "import { renderPage } from '@painel/core/plugin';\nexport const r = (c: any) => [c.get('actor'), renderPage];\n")).toEqual([]);
  });
});
