/**
 * The final version's package (issue 15, item 5): the team starts its job once a version is approved;
 * it is downloaded as a streamed zip (the CSVs and `manifest.json`). The package holds prontuários, so
 * only the migration team (the data processor, working with files) and the base's clinical roles
 * download it; every download is audited under the base.
 */
import { Readable } from 'node:stream';
import { type Actor, contentDisposition, type Db, HttpError, type PluginRouter } from '@painel/core/plugin';
import { and, desc, eq } from 'drizzle-orm';
import { packages, versions } from '../db/schema.ts';
import { type Env, idParam } from '../http/request.ts';
import { opensEhr } from '../homologation/homologation-layout.tsx';
import { P } from '../permissions.ts';
import { buildManifest, MANIFEST_NAME, manifestBytes } from '../export/manifest.ts';
import { PACKAGE_TASK } from '../export/build-package.ts';
import { zipStream } from '../export/zip-stream.ts';
import { findRequest, type RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';
import { auditRequest, recordVendorAccess } from './audit-request.ts';
import { loadForChange } from './load-request.ts';
import { isBaseMember } from './report-routes.tsx';

export type PackageRow = typeof packages.$inferSelect;
const PACKAGE_STATES = ['aprovada', 'versao_final_agendada', 'versao_final_executada'];

export const packagePath = (requestId: number, packageId: number) => `${requestPath(requestId)}/pacotes/${packageId}/pacote.zip`;

/** Who may download a package of this request: the migration team, or a clinical user of the base. */
export const downloadsPackage = (actor: Actor, r: Pick<RequestRow, 'resellerId' | 'clinicId'>): boolean =>
  actor.user?.kind === 'migration_team' || (opensEhr(actor) && isBaseMember(actor, r));

export function packagesOf(tx: Db, r: Pick<RequestRow, 'resellerId' | 'id'>) {
  return tx.select().from(packages).where(and(eq(packages.resellerId, r.resellerId), eq(packages.requestId, r.id))).orderBy(desc(packages.createdAt));
}

export function packageRoutes(router: PluginRouter, { ctx }: Env): void {
  router.post('/solicitacoes/:id{[0-9]+}/pacote', { permission: P.request, dataClass: 'personal', screen: 'Pacote final da migração' }, async (c) => {
    const id = idParam(c);
    const actor = c.get('actor');
    const now = ctx.clock.now();
    const outcome = await c.get('tx')(async (tx) => {
      const { r, role } = await loadForChange(c, tx, id);
      if (role !== 'equipe') throw new HttpError(403, 'O pacote final é gerado pela equipe de migração.');
      if (!PACKAGE_STATES.includes(r.state) || !r.approvedVersionId) return 'O pacote final é gerado depois que o gestor aprova uma versão de validação.';
      const [v] = await tx.select().from(versions).where(and(eq(versions.resellerId, r.resellerId), eq(versions.id, r.approvedVersionId)));
      if (!v || v.state !== 'aberta') return 'A versão aprovada não está mais disponível na homologação: publique uma nova versão.';
      const [running] = await tx.select({ id: packages.id }).from(packages).where(and(eq(packages.resellerId, r.resellerId), eq(packages.requestId, r.id), eq(packages.state, 'gerando')));
      if (running) return 'Já há um pacote sendo gerado.';
      const [p] = await tx
        .insert(packages)
        .values({ resellerId: r.resellerId, clinicId: r.clinicId, requestId: r.id, versionId: v.id, versionNumber: v.number, byUserId: actor.user!.id, byName: actor.user!.name, createdAt: now })
        .returning();
      const jobId = await ctx.jobs.enqueue(
        PACKAGE_TASK,
        { resellerId: r.resellerId, clinicId: r.clinicId, requestId: r.id, packageId: p!.id, versionId: v.id },
        { resellerId: r.resellerId, clinicId: r.clinicId, userId: actor.user!.id, retries: 0 },
      );
      await tx.update(packages).set({ jobId }).where(and(eq(packages.resellerId, r.resellerId), eq(packages.id, p!.id)));
      await auditRequest(ctx, c, tx, r, 'migration.package.requested', { package: p!.id, version: v.number });
      return null;
    });
    if (outcome) {
      await c.get('flash')(outcome, 'error');
      return c.redirect(`${requestPath(id)}#pacote`, 303);
    }
    await c.get('flash')('Pacote final em geração: acompanhe o progresso abaixo.', 'success');
    return c.redirect(`${requestPath(id)}#pacote`, 303);
  });

  router.get('/solicitacoes/:id{[0-9]+}/pacotes/:pid{[0-9]+}/pacote.zip', { permission: P.request, dataClass: 'personal', screen: 'Download do pacote final da migração' }, async (c) => {
    const id = idParam(c);
    const pid = idParam(c, 'pid');
    const actor = c.get('actor');
    const found = await c.get('tx')(async (tx) => {
      const r = await findRequest(tx, id);
      if (!r) throw new HttpError(404);
      if (!downloadsPackage(actor, r)) throw new HttpError(403, 'O pacote final contém prontuários: só a equipe de migração e os perfis clínicos da base o baixam.');
      const [p] = await tx.select().from(packages).where(and(eq(packages.resellerId, r.resellerId), eq(packages.requestId, r.id), eq(packages.id, pid)));
      if (!p || p.state !== 'pronto') throw new HttpError(404);
      await auditRequest(ctx, c, tx, r, 'migration.package.downloaded', { package: p.id, version: p.versionNumber, files: p.files.length });
      // The team is the data processor: its download is in the base's access history too (the clinic's own roles are not).
      if (actor.user?.kind === 'migration_team') await recordVendorAccess(ctx, c, tx, r, `Download do pacote final da migração #${r.id} (versão ${p.versionNumber})`, 'ehr');
      return { r, p };
    });
    const { r, p } = found;
    const manifest = buildManifest({
      request: r.id,
      clinic: { id: r.clinicId, name: r.clinicName },
      reseller: { id: r.resellerId, name: r.resellerName },
      version: p.versionNumber,
      createdAt: (p.readyAt ?? p.createdAt).toISOString(),
      files: p.files.map(({ fileId: _, ...f }) => f),
    });
    const stream = zipStream(
      [...p.files.map((f) => ({ name: f.name, open: () => ctx.files.read(f.fileId) })), { name: MANIFEST_NAME, bytes: manifestBytes(manifest) }],
      p.readyAt ?? p.createdAt,
    );
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': contentDisposition(`migracao-${r.id}-base-${r.clinicId}-versao-${p.versionNumber}.zip`),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
