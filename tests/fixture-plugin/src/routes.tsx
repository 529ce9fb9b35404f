import { EmptyState, formatDateTime, HttpError, PageHeader, type PluginContext, type PluginRouter, renderPage } from '@painel/core/plugin';
import { and, desc, eq } from 'drizzle-orm';
import { noteCreated } from './events.ts';
import { notes } from './schema.ts';
import type { FixtureSettings } from './settings.ts';
import { fixtureUploadRoutes } from './upload-routes.tsx';

const general = { permission: 'fixture-plugin:view', dataClass: 'general' } as const;

/** The fixture's screens under /p/fixture-plugin. */
export function fixtureRoutes(router: PluginRouter, ctx: PluginContext<FixtureSettings>): void {
  fixtureUploadRoutes(router, ctx);
  router.get('/', { ...general, screen: 'Notas (fixture)' }, async (c) => {
    const base = c.get('actor').activeClinic!;
    const [rows, settings] = await c.get('tx')(async (tx) => [
      await tx
        .select()
        .from(notes)
        .where(and(eq(notes.resellerId, base.resellerId), eq(notes.clinicId, base.clinicId)))
        .orderBy(desc(notes.id)),
      await ctx.settings(base.resellerId, tx),
    ]);
    return renderPage(c, {
      title: 'Notas',
      body: (
        <>
          <PageHeader title="Notas" subtitle={settings.greeting} />
          {rows.length === 0 ? (
            <EmptyState>Nenhuma nota nesta base.</EmptyState>
          ) : (
            <ul data-testid="notes">
              {rows.map((n) => (
                <li>
                  <a href={`/p/fixture-plugin/notas/${n.id}`}>{n.body}</a> <small>{formatDateTime(n.createdAt)}</small>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action="/p/fixture-plugin/notas">
            <label>
              Nova nota
              <input name="body" maxlength={500} required />
            </label>
            <button type="submit">Salvar</button>
          </form>
        </>
      ),
    });
  });

  router.post('/notas', { permission: 'fixture-plugin:write', dataClass: 'general', screen: 'Nova nota' }, async (c) => {
    const actor = c.get('actor');
    const base = actor.activeClinic!;
    const form = await c.req.parseBody();
    const body = typeof form.body === 'string' ? form.body.trim() : '';
    if (body.length < 1 || body.length > 500) {
      await c.get('flash')('Escreva a nota (até 500 caracteres). Nada foi salvo.', 'error');
      return c.redirect('/p/fixture-plugin', 303);
    }
    const at = ctx.clock.now();
    const noteId = await c.get('tx')(async (tx) => {
      const [note] = await tx
        .insert(notes)
        .values({ resellerId: base.resellerId, clinicId: base.clinicId, body, createdBy: actor.user!.id, createdAt: at })
        .returning({ id: notes.id });
      await ctx.audit.append(
        { action: 'fixture-plugin.note.created', actorUserId: actor.user!.id, resellerId: base.resellerId, clinicId: base.clinicId },
        tx,
      );
      return note!.id;
    });
    await c.get('flash')('Nota salva.', 'success');
    await ctx.emit(noteCreated, { resellerId: base.resellerId, clinicId: base.clinicId, noteId, byUserId: actor.user!.id, at });
    return c.redirect('/p/fixture-plugin', 303);
  });

  router.get('/notas/:id', { ...general, screen: 'Nota' }, async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) throw new HttpError(404);
    const [note] = await c.get('tx')((tx) => tx.select().from(notes).where(eq(notes.id, id)));
    if (!note) throw new HttpError(404);
    return renderPage(c, { title: 'Nota', body: <PageHeader title="Nota" subtitle={note.body} /> });
  });

  router.get('/prontuario', { ...general, dataClass: 'ehr', screen: 'Prontuário (fixture)' }, (c) =>
    renderPage(c, { title: 'Prontuário', body: <PageHeader title="Prontuário" /> }),
  );

  router.get('/resumo', { permission: 'platform.admin', dataClass: 'general', screen: 'Resumo (fixture)' }, (c) =>
    renderPage(c, { title: 'Resumo', body: <PageHeader title="Resumo do fixture" /> }),
  );
}
