/**
 * A migrated, empty PGlite database kept as an image, so that a first start on an empty DATA_DIR copies
 * it and opens it as a restart would (~2 s) instead of running PostgreSQL's initdb in WebAssembly and
 * every migration (~6–8 s on a 2-core machine). `npm install` builds it (postinstall: `npm run
 * db:image`) into node_modules/.cache: a closed PGlite data directory (~40 MB) and its manifest.
 *
 * The image holds the schema only: no user, no demo data (demo data is dated relative to the start, so
 * it is created at the first start as before). Its manifest records the PGlite version and a
 * fingerprint of every migration set it was built with; a start whose code has other migrations, other
 * plugins or another request role ignores the image and creates the database from scratch. The one
 * secret a migration creates — the scope-signing key — is replaced at load (openDatabase
 * `rotateScopeKey`).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from './types.ts';

export interface ImageManifest {
  pgliteVersion: string;
  /** `fingerprintOf(…)` of the migration sets and request role the image was built with. */
  fingerprint: string;
  builtAt: string;
}

export interface PgliteImage {
  manifest: ImageManifest;
  /** The closed PGlite data directory. */
  dir: string;
}

/** node_modules/.cache/painel-singular: removed with node_modules, rebuilt by the next install. */
export const defaultImageDir = fileURLToPath(new URL('../../../node_modules/.cache/painel-singular', import.meta.url));

const imageName = 'pglite-image';
const manifestName = 'pglite-image.json';

/** The installed PGlite's version (an image made by another version is never loaded). */
export function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of @electric-sql/pglite not found');
    dir = parent;
  }
}

function filesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found;
}

/** A hash of the migration sets (ids, file names and contents, in order) and the request role. */
export function fingerprintOf(sets: readonly MigrationSet[], appRole: string): string {
  const hash = createHash('sha256').update(`role ${appRole}\n`);
  for (const set of sets) {
    hash.update(`set ${set.id}\n`);
    const files = filesUnder(set.folder)
      .map((path) => relative(set.folder, path).split('\\').join('/'))
      .sort();
    for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(set.folder, file))).update('\n');
  }
  return hash.digest('hex');
}

/** True when PGlite has not created a database in `dir` yet (no PG_VERSION file). */
export function isNewPgliteDir(dir: string): boolean {
  return !existsSync(join(dir, 'PG_VERSION'));
}

/**
 * The image in `cacheDir`, when there is a complete one made by the installed PGlite; null otherwise
 * (none built, another version, a half-written or unreadable manifest: the start then runs initdb).
 */
export async function readImage(cacheDir = defaultImageDir): Promise<PgliteImage | null> {
  const dir = join(cacheDir, imageName);
  try {
    const manifest = JSON.parse(await readFile(join(cacheDir, manifestName), 'utf8')) as Partial<ImageManifest> | null;
    if (manifest?.pgliteVersion !== pgliteVersion() || typeof manifest.fingerprint !== 'string' || isNewPgliteDir(dir)) return null;
    return { manifest: manifest as ImageManifest, dir };
  } catch {
    return null;
  }
}

/** Copies the image into `dataDir` (a new PGlite directory); open it with `rotateScopeKey`. */
export function copyImage(image: PgliteImage, dataDir: string): void {
  cpSync(image.dir, dataDir, { recursive: true });
}

/** Bytes of the files under `dir`. */
function sizeOf(dir: string): number {
  return filesUnder(dir).reduce((sum, file) => sum + statSync(file).size, 0);
}

/**
 * Builds the image: `prepare` migrates a new PGlite database in a work folder beside the image (as a
 * first start does) and closes it; the folder then replaces the image, and the manifest is written
 * last. Returns the image's size in bytes.
 */
export async function buildImage(options: { cacheDir?: string; fingerprint: string; prepare: (dataDir: string) => Promise<void> }): Promise<number> {
  const cacheDir = options.cacheDir ?? defaultImageDir;
  const work = join(cacheDir, `${imageName}.${process.pid}`);
  mkdirSync(cacheDir, { recursive: true });
  rmSync(work, { recursive: true, force: true });
  try {
    await options.prepare(work);
    rmSync(join(cacheDir, manifestName), { force: true });
    rmSync(join(cacheDir, imageName), { recursive: true, force: true });
    renameSync(work, join(cacheDir, imageName));
    const manifest: ImageManifest = { pgliteVersion: pgliteVersion(), fingerprint: options.fingerprint, builtAt: new Date().toISOString() };
    writeFileSync(join(cacheDir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    return sizeOf(join(cacheDir, imageName));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
