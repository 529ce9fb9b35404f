import { EmptyState, Field, PageHeader, type PluginRouter, renderPage, StatusBadge } from '@painel/core/plugin';
import { eq } from 'drizzle-orm';
import { legacySystems } from '../db/schema.ts';
import { type Ctx, type Env, field, formOf, idParam } from '../http/request.ts';
import { P } from '../permissions.ts';
import { allLegacySystems } from '../store/request-store.ts';

/** The catalogue of legacy systems the migration team knows; the request form offers the active ones. */
export function catalogueRoutes(router: PluginRouter, { ctx }: Env): void {
  const show = async (c: Ctx, value = '', error?: string) => {
    const systems = await c.get('tx')((tx) => allLegacySystems(tx));
    return renderPage(c, {
      title: 'Sistemas legados',
      status: error ? 422 : 200,
      body: (
        <>
          <PageHeader title="Sistemas legados" subtitle="O catálogo que o formulário de solicitação oferece (além de “Outro”)." />
          <form method="post" action="/p/migration/sistemas" class="card form-card">
            <Field label="Novo sistema legado" name="nome" value={value} required maxlength={80} error={error} />
            <button type="submit">Incluir no catálogo</button>
          </form>
          {systems.length === 0 ? (
            <EmptyState>Nenhum sistema no catálogo.</EmptyState>
          ) : (
            <div class="table-wrap">
              <table data-testid="legacy-systems">
                <caption class="visually-hidden">Sistemas legados</caption>
                <thead>
                  <tr>
                    <th scope="col">Sistema</th>
                    <th scope="col">Situação</th>
                    <th scope="col">Ação</th>
                  </tr>
                </thead>
                <tbody>
                  {systems.map((s) => (
                    <tr>
                      <td>{s.name}</td>
                      <td>
                        <StatusBadge active={s.active} labels={['No formulário', 'Fora do formulário']} />
                      </td>
                      <td class="actions-cell">
                        <form method="post" action={`/p/migration/sistemas/${s.id}/alternar`}>
                          <button type="submit" class="secondary">
                            {s.active ? 'Tirar do formulário' : 'Voltar ao formulário'}
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ),
    });
  };

  router.get('/sistemas', { permission: P.team, dataClass: 'general', screen: 'Sistemas legados' }, (c) => show(c));

  router.post('/sistemas', { permission: P.team, dataClass: 'general', screen: 'Sistemas legados' }, async (c) => {
    const actor = c.get('actor');
    const name = field(await formOf(c), 'nome').replace(/\s+/g, ' ');
    if (name.length < 2 || name.length > 80) return show(c, name, 'Informe o nome do sistema (de 2 a 80 caracteres).');
    const added = await c.get('tx')(async (tx) => {
      const existing = (await allLegacySystems(tx)).find((s) => s.name.toLocaleLowerCase('pt-BR') === name.toLocaleLowerCase('pt-BR'));
      if (existing) return false;
      await tx.insert(legacySystems).values({ name, createdAt: ctx.clock.now() });
      await ctx.audit.append({ action: 'migration.legacy_system.added', actorUserId: actor.user!.id, actorEmail: actor.user!.email, target: name, ip: c.get('clientIp'), requestId: c.get('requestId'), details: { system: name } }, tx);
      return true;
    });
    if (!added) return show(c, name, `"${name}" já está no catálogo.`);
    await c.get('flash')(`${name} incluído no catálogo.`, 'success');
    return c.redirect('/p/migration/sistemas', 303);
  });

  router.post('/sistemas/:id{[0-9]+}/alternar', { permission: P.team, dataClass: 'general', screen: 'Sistemas legados' }, async (c) => {
    const id = idParam(c);
    const actor = c.get('actor');
    const row = await c.get('tx')(async (tx) => {
      const [s] = await tx.select().from(legacySystems).where(eq(legacySystems.id, id));
      if (!s) return null;
      await tx.update(legacySystems).set({ active: !s.active }).where(eq(legacySystems.id, id));
      await ctx.audit.append({ action: 'migration.legacy_system.toggled', actorUserId: actor.user!.id, actorEmail: actor.user!.email, target: s.name, ip: c.get('clientIp'), requestId: c.get('requestId'), details: { system: s.name, active: !s.active } }, tx);
      return s;
    });
    if (!row) return c.notFound();
    await c.get('flash')(`${row.name} ${row.active ? 'saiu do' : 'voltou ao'} formulário.`, 'success');
    return c.redirect('/p/migration/sistemas', 303);
  });
}
