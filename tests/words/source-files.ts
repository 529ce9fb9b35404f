import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Every product source file (not tests) of core, the modules and the plugins, with its text. */
export function productSources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'fixtures') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push({ path: relative(repoRoot, full), text: readFileSync(full, 'utf8') });
    }
  };
  for (const top of ['core/src', 'tenants/src', 'content/src', 'plugins']) walk(join(repoRoot, top));
  return out;
}

/**
 * Keys of the object literals written as audit details (`details: { … }`) in the product sources:
 * the top-level keys of each literal, written `key:` or as a shorthand `key,`.
 */
export function auditDetailKeysInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of productSources().filter((f) => !f.path.endsWith('audit-labels.ts'))) {
    for (const m of file.text.matchAll(/\bdetails: \{/g)) {
      let depth = 0;
      let i = m.index + m[0].length - 1;
      const start = i + 1;
      for (; i < file.text.length; i++) {
        const ch = file.text[i];
        if (ch === '{' || ch === '[' || ch === '(') depth++;
        else if (ch === '}' || ch === ']' || ch === ')') depth--;
        if (depth === 0) break;
      }
      const body = file.text.slice(start, i);
      // Only the literal's own level: blank out nested brackets.
      let flat = '';
      let level = 0;
      for (const ch of body) {
        if ('{[('.includes(ch)) level++;
        if (level === 0) flat += ch;
        if ('}])'.includes(ch)) level--;
      }
      const line = file.text.slice(0, m.index).split('\n').length;
      for (const k of flat.matchAll(/(?:^|,)\s*(?:\.\.\.)?([a-zA-Z_]\w*)\s*(?=[:,]|$)/g)) {
        if (!flat.includes(`...${k[1]}`)) found.set(k[1]!, `${file.path}:${line}`);
      }
    }
  }
  return found;
}
