/** Entry point of `npm run migration:check` (see main.ts). */
import { runCli } from './main.ts';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // The database is opened only with --system (and its code loaded only then).
  loadTemplates: async (system) => (await import('./system-templates.ts')).loadSystemTemplates(system),
});
process.exitCode = code;
