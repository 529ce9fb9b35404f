import { Readable } from 'node:stream';
import {
  formatBytes,
  HttpError,
  isHtmx,
  type KeptFile,
  PageHeader,
  type PluginContext,
  type PluginRouter,
  receiveUpload,
  renderPage,
  UploadProgress,
} from '@painel/core/plugin';
import { and, eq, like } from 'drizzle-orm';
import { notes } from './schema.ts';
import type { FixtureSettings } from './settings.ts';

/** Attachments: up to 3 files of 1 MiB each. */
export const attachmentLimits = { maxFileBytes: 1024 * 1024, maxFiles: 3 } as const;
/** One large export file (the streaming tests and the upload benchmark): up to 512 MiB. */
export const importLimits = { maxFileBytes: 512 * 1024 * 1024 } as const;

const write = { permission: 'fixture-plugin:write', dataClass: 'general' } as const;

/** A note records each kept file (the id ties the file to the base through the note's row-level security). */
const noteBody = (file: KeptFile) => `anexo ${file.id} ${file.name} · ${formatBytes(file.size)} · sha256 ${file.sha256}`;

/** Uploads through core's streamed receiver into the plugin's own file store. */
export function fixtureUploadRoutes(router: PluginRouter, ctx: PluginContext<FixtureSettings>): void {
  router.get('/anexos', { ...write, screen: 'Enviar anexos' }, (c) =>
    renderPage(c, {
      title: 'Anexos',
      body: (
        <>
          <PageHeader title="Enviar anexos" subtitle="Até 3 arquivos de 1 MB." />
          <form method="post" action="/p/fixture-plugin/anexos" enctype="multipart/form-data" hx-post="/p/fixture-plugin/anexos"
            hx-target="#resultado" data-upload-progress>
            <label>
              Descrição
              <input name="descricao" maxlength={200} />
            </label>
            <label>
              Arquivos
              <input type="file" name="arquivos" multiple required />
            </label>
            <UploadProgress />
            <button type="submit">Enviar</button>
          </form>
          <div id="resultado" data-testid="resultado"></div>
        </>
      ),
    }),
  );

  const receive = (path: string, screen: string, limits: typeof attachmentLimits | typeof importLimits) =>
    router.post(path, { ...write, screen, upload: limits }, async (c) => {
      const actor = c.get('actor');
      const base = actor.activeClinic!;
      const form = await receiveUpload(c);
      const files = form.files;
      if (files.length === 0) throw new HttpError(422, 'Escolha ao menos um arquivo. Nada foi salvo.', { title: 'Nenhum arquivo' });
      const kept: KeptFile[] = [];
      try {
        for (const file of files) kept.push(await ctx.files.keep(file));
        await c.get('tx')(async (tx) => {
          for (const file of kept) {
            await tx.insert(notes).values({ resellerId: base.resellerId, clinicId: base.clinicId, body: noteBody(file), createdBy: actor.user!.id, createdAt: ctx.clock.now() });
          }
        });
      } catch (error) {
        await Promise.all(kept.map((f) => ctx.files.delete(f.id)));
        throw error;
      }
      const list = (
        <section data-testid="enviados">
          <p>
            {kept.length} {kept.length === 1 ? 'arquivo recebido' : 'arquivos recebidos'}
            {form.field('descricao') ? `: ${form.field('descricao')}` : ''}.
          </p>
          <ul>
            {kept.map((f) => (
              <li data-id={f.id} data-sha256={f.sha256} data-size={String(f.size)}>
                <a href={`/p/fixture-plugin/anexos/${f.id}`}>{f.name}</a> ({formatBytes(f.size)})
              </li>
            ))}
          </ul>
        </section>
      );
      return isHtmx(c) ? c.html(list) : renderPage(c, { title: 'Anexos', body: list });
    });
  receive('/anexos', 'Enviar anexos', attachmentLimits);
  receive('/importacao', 'Enviar arquivo de importação', importLimits);

  router.get('/anexos/:id', { permission: 'fixture-plugin:view', dataClass: 'general', screen: 'Anexo' }, async (c) => {
    const id = c.req.param('id') ?? '';
    const base = c.get('actor').activeClinic!;
    // Only a file a note of this base names (row-level security sees this base's notes only).
    const [note] = await c.get('tx')((tx) =>
      tx
        .select({ body: notes.body })
        .from(notes)
        .where(and(eq(notes.resellerId, base.resellerId), eq(notes.clinicId, base.clinicId), like(notes.body, `anexo ${id.replace(/[%_\\]/g, '\\$&')} %`))),
    );
    const info = note ? await ctx.files.stat(id) : null;
    if (!note || !info) throw new HttpError(404);
    c.header('Content-Type', 'application/octet-stream');
    c.header('Content-Length', String(info.size));
    return c.body(Readable.toWeb(await ctx.files.read(id)) as ReadableStream);
  });
}
