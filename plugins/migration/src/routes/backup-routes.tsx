import { HttpError, isoCalendarDate, type KeptFile, parseCalendarDate, type PluginRouter, receiveUpload } from '@painel/core/plugin';
import { and, asc, eq } from 'drizzle-orm';
import { dumpInventory, type DumpInventory, missingEntities } from '../backups/dump-inventory.ts';
import { backups, requests } from '../db/schema.ts';
import { ENTITIES } from '../domain/vocabulary.ts';
import { type Env, field, formOf, idParam } from '../http/request.ts';
import { notifyParticipants } from '../notify.ts';
import { P } from '../permissions.ts';
import { requestPath } from '../ui/request-table.tsx';
import { loadForChange, loadRequest } from './load-request.ts';
import { fileResponse } from '../http/file-response.ts';
import { readRetained, retentionGonePage } from '../http/retained-file.tsx';
import type { Db } from '@painel/core/plugin';
import type { RequestRow } from '../store/request-store.ts';
import { auditRequest, recordVendorAccess } from './audit-request.ts';

/** A backup file: up to 4 GiB, streamed to disk (never held in memory). */
export const backupLimits = { maxFileBytes: 4 * 1024 * 1024 * 1024, maxFields: 10 } as const;

export type BackupRow = typeof backups.$inferSelect;

export function backupsOf(tx: Db, r: RequestRow): Promise<BackupRow[]> {
  return tx
    .select()
    .from(backups)
    .where(and(eq(backups.resellerId, r.resellerId), eq(backups.requestId, r.id)))
    .orderBy(asc(backups.at), asc(backups.id));
}

/** Backups of a request: a file through core's streamed upload, or an external link with its deadline. */
export function backupRoutes(router: PluginRouter, { ctx }: Env): void {
  const meta = { permission: P.request, dataClass: 'personal', screen: 'Backup da migração' } as const;

  router.post('/solicitacoes/:id{[0-9]+}/backups/link', meta, async (c) => {
    const id = idParam(c);
    const actor = c.get('actor');
    const form = await formOf(c);
    const url = field(form, 'url');
    const day = parseCalendarDate(field(form, 'prazo'));
    const problems: string[] = [];
    if (!/^https:\/\/[^\s]{3,2000}$/i.test(url)) problems.push('Informe o link de hospedagem do backup (https://…).');
    if (field(form, 'prazo') && !day) problems.push('Informe o prazo do link no formato dd/mm/aaaa (ou deixe em branco se não houver).');
    const now = ctx.clock.now();
    const error = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      if (r.state === 'encerrada' || r.state === 'cancelada') return 'A migração terminou: não recebe mais backups.';
      if (problems.length > 0) return problems.join(' ');
      await tx.insert(backups).values({
        resellerId: r.resellerId,
        requestId: r.id,
        clinicId: r.clinicId,
        kind: 'link',
        url,
        linkDeadline: day ? isoCalendarDate(day) : null,
        byUserId: actor.user!.id,
        byName: actor.user!.name,
        at: now,
      });
      if (day) {
        await tx
          .update(requests)
          .set({ linkHasDeadline: true, linkDeadline: isoCalendarDate(day), updatedAt: now })
          .where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
      }
      await auditRequest(ctx, c, tx, r, 'migration.backup.link');
      await notifyParticipants(ctx, tx, r, actor.user!.id, `Migração #${r.id}: link do backup registrado`, r.clinicName);
      return null;
    });
    await c.get('flash')(error ?? 'Link do backup registrado.', error ? 'error' : 'success');
    return c.redirect(`${requestPath(id)}#backups`, 303);
  });

  router.post('/solicitacoes/:id{[0-9]+}/backups/arquivo', { ...meta, upload: backupLimits }, async (c) => {
    const id = idParam(c);
    const actor = c.get('actor');
    const form = await receiveUpload(c);
    const file = form.file('arquivo');
    const now = ctx.clock.now();
    // Who may send it is checked before anything is kept.
    const refused = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      return r.state === 'encerrada' || r.state === 'cancelada' ? 'A migração terminou: não recebe mais backups.' : null;
    });
    if (refused || !file) {
      await c.get('flash')(refused ?? 'Escolha o arquivo do backup. Nada foi salvo.', 'error');
      return c.redirect(`${requestPath(id)}#backups`, 303);
    }
    const kept: KeptFile = await ctx.files.keep(file);
    let inventory: DumpInventory | null = null;
    try {
      inventory = await dumpInventory(() => ctx.files.read(kept.id));
    } catch (error) {
      ctx.log.warn({ err: error, file: kept.id }, 'backup: could not read the dump inventory');
    }
    try {
      const missing = await c.get('tx')(async (tx) => {
        const { r } = await loadForChange(c, tx, id);
        await tx.insert(backups).values({
          resellerId: r.resellerId,
          requestId: r.id,
          clinicId: r.clinicId,
          kind: 'arquivo',
          fileName: kept.name || file.name,
          fileRef: kept.id,
          sizeBytes: kept.size,
          sha256: kept.sha256,
          tables: inventory?.tables ?? null,
          dumpFormat: inventory?.format ?? null,
          byUserId: actor.user!.id,
          byName: actor.user!.name,
          at: now,
        });
        const missing = inventory ? missingEntities(r.entities, inventory.tables) : null;
        // "All tables sent?" is pre-filled from the dump when nobody answered it yet.
        if (missing && r.allTablesSent === null) {
          await tx
            .update(requests)
            .set({ allTablesSent: missing.length === 0, updatedAt: now })
            .where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
        }
        await auditRequest(ctx, c, tx, r, 'migration.backup.file', { file: kept.name || file.name, size: kept.size, sha256: kept.sha256, tables: inventory?.tables.length ?? null });
        await notifyParticipants(ctx, tx, r, actor.user!.id, `Migração #${r.id}: backup recebido por upload`, `${r.clinicName} · ${kept.name || file.name}`);
        return missing;
      });
      const summary = inventory
        ? `Backup PostgreSQL recebido: ${inventory.tables.length} tabelas.${missing && missing.length > 0 ? ` Sem tabela aparente para: ${missing.map((m) => ENTITIES[m as keyof typeof ENTITIES]?.label ?? m).join(', ')}.` : ''}`
        : 'Backup recebido.';
      await c.get('flash')(summary, 'success');
      return c.redirect(`${requestPath(id)}#backups`, 303);
    } catch (error) {
      await ctx.files.delete(kept.id);
      throw error;
    }
  });

  router.get('/solicitacoes/:id{[0-9]+}/backups/:backup{[0-9]+}/arquivo', { permission: P.backupFile, dataClass: 'personal', screen: 'Download do backup da migração' }, async (c) => {
    const id = idParam(c);
    const backupId = idParam(c, 'backup');
    const row = await c.get('tx')(async (tx) => {
      const { r } = await loadRequest(c, tx, id);
      const [b] = await tx
        .select()
        .from(backups)
        .where(and(eq(backups.resellerId, r.resellerId), eq(backups.requestId, r.id), eq(backups.id, backupId), eq(backups.kind, 'arquivo')));
      if (!b) throw new HttpError(404);
      if (b.fileRef && !b.deletedAt) {
        // The data processor's access to the base's data: audited, and in the base's access history.
        await auditRequest(ctx, c, tx, r, 'migration.backup.downloaded', { file: b.fileName, size: b.sizeBytes, sha256: b.sha256 });
        await recordVendorAccess(ctx, c, tx, r, `Download do backup da migração #${r.id} (${b.fileName ?? 'arquivo'})`, 'personal');
      }
      return b;
    });
    const stream = row.deletedAt ? null : await readRetained(ctx.files, row.fileRef);
    if (!stream) return retentionGonePage(c, { title: 'Backup excluído', lead: 'O arquivo', fileName: row.fileName, requestId: id, section: 'backups' });
    return fileResponse(stream, { fileName: row.fileName ?? `backup-${row.id}`, contentType: 'application/octet-stream', sizeBytes: row.sizeBytes ?? 0 });
  });
}
