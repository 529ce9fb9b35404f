import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const coreFiles = {
  'core/src/index.ts': "export { secret } from './db/secret.ts';\n",
  'core/src/db/secret.ts': 'export const secret = 42;\n',
};

describe('package boundaries (dependency-cruiser)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('accepts a plugin that imports only the core entry, its own files and Node built-ins', () => {
    const dir = probeTree({
      ...coreFiles,
      'plugins/good/src/index.ts':
        "import { secret } from '../../../core/src/index.ts';\nimport { helper } from './helper.ts';\nimport { join } from 'node:path';\nexport default [secret, helper, join];\n",
      'plugins/good/src/helper.ts': 'export const helper = 1;\n',
    });
    dirs.push(dir);
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
    });
    dirs.push(dir);
    const run = cruise(dir, ['core', 'plugins']);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/plugin-imports-only-core-entry: plugins\/bad\/src\/index\.ts → core\/src\/db\/secret\.ts/);
    expect(run.output).toMatch(/plugin-imports-only-core-entry: plugins\/bad\/src\/index\.ts → plugins\/other\/src\/index\.ts/);
    expect(run.output).toMatch(/core-imports-no-feature: core\/src\/leak\.ts → plugins\/other\/src\/index\.ts/);
  });

  it('fails on a package importing another package’s src/ internals', () => {
    const dir = probeTree({
      ...coreFiles,
      'tenants/src/index.ts': "export { secret } from '../../core/src/db/secret.ts';\n",
    });
    dirs.push(dir);
    const run = cruise(dir, ['core', 'tenants']);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/no-other-package-internals: tenants\/src\/index\.ts → core\/src\/db\/secret\.ts/);
  });

  it('holds for core and the fixture plugin in this repository', () => {
    const run = cruise(root, ['core', 'tests/fixture-plugin']);
    expect(run.output).toContain('no dependency violations');
    expect(run.status).toBe(0);
  });
});
