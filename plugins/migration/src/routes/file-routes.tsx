/**
 * Pre-validation of a request's exported files: upload per entity (streamed, size-limited, checked by a
 * job), the mapping review, the report per file and per request, the error CSV download (audited; EHR
 * entities only for the team and the base's clinical roles) and the corrected re-upload.
 */
import { canCancelJob, canViewJob, csvResponse, HttpError, isHtmx, type KeptFile, type PluginRouter, receiveUpload, renderPage } from '@painel/core/plugin';
import { Readable } from 'node:stream';
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { requestFiles } from '../db/schema.ts';
import { errorsDownload, isClinicalOfBase, loadFile } from '../files/file-access.ts';
import { currentFiles, type RequestFileRow } from '../files/file-rows.ts';
import { PREVALIDATE, type PrevalidatePayload } from '../files/prevalidate-job.ts';
import { mappingOf } from '../files/request-inputs.ts';
import { MAX_MDB_BYTES, storedHeader } from '../files/stored-source.ts';
import { saveTemplate, templatesOf } from '../files/templates.ts';
import { type Ctx, type Env, field, formOf, idParam } from '../http/request.ts';
import { FilePage } from '../pages/file-page.tsx';
import { FilesPage } from '../pages/files-page.tsx';
import { P } from '../permissions.ts';
import { ENTITIES, type EntityKey, isEntityKey } from '../prevalidation/entities.ts';
import { entityFromFileName, entityFromHeader } from '../prevalidation/infer-entity.ts';
import { formatOf } from '../prevalidation/readers/open-source.ts';
import { UnusableInput } from '../prevalidation/readers/source.ts';
import { findRequest, type RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';
import { auditRequest } from './audit-request.ts';
import { loadForChange, loadRequest } from './load-request.ts';
import { basePractitioners } from '../files/practitioners.ts';

/** An exported file: up to 2 GiB, streamed to disk. */
export const fileLimits = { maxFileBytes: 2 * 1024 * 1024 * 1024, maxFields: 10 } as const;
/** A correction holds only the corrected rows. */
export const correctionLimits = { maxFileBytes: 200 * 1024 * 1024, maxFields: 5 } as const;

export const filesPath = (requestId: number) => `${requestPath(requestId)}/arquivos`;
export const filePath = (requestId: number, fileId: number) => `${filesPath(requestId)}/${fileId}`;

const closed = (r: RequestRow) => r.state === 'encerrada' || r.state === 'cancelada';

class Refused extends Error {}

export function fileRoutes(router: PluginRouter, { ctx }: Env): void {
  const meta = { permission: P.request, dataClass: 'personal', screen: 'Pré-validação dos arquivos' } as const;

  /** A refused upload or form: the message in place (htmx) or as a flash on the page it came from. */
  const refuse = async (c: Ctx, message: string, back: string) => {
    if (isHtmx(c)) return c.html(<p class="flash flash-error" role="alert" data-testid="upload-error">{message} Nada foi salvo.</p>, 422);
    await c.get('flash')(`${message} Nada foi salvo.`, 'error');
    return c.redirect(back, 303);
  };
  const done = (c: Ctx, to: string) => {
    if (isHtmx(c)) {
      c.header('HX-Redirect', to);
      return c.body(null, 204);
    }
    return c.redirect(to, 303);
  };

  const enqueue = async (c: Ctx, r: RequestRow, fileId: number, reason: PrevalidatePayload['reason']) => {
    const user = c.get('actor').user!;
    const jobId = await ctx.jobs.enqueue(PREVALIDATE, { requestId: r.id, fileId, reason, byName: user.name } satisfies PrevalidatePayload, {
      resellerId: r.resellerId,
      clinicId: r.clinicId,
      userId: user.id,
    });
    await c.get('tx')((tx) => tx.update(requestFiles).set({ jobId }).where(and(eq(requestFiles.resellerId, r.resellerId), eq(requestFiles.id, fileId))));
  };

  /** Keeps an upload after checking it can be read; the kept file is deleted again on any refusal. */
  const keepReadable = async (file: NonNullable<ReturnType<Awaited<ReturnType<typeof receiveUpload>>['file']>>, entityHint: EntityKey | null, sheet: string | null) => {
    const format = formatOf(file.name);
    if (format === null) throw new Refused('Planilhas .xls (Excel 97-2003) não são lidas: salve como .xlsx ou .csv.');
    if (format === 'mdb' && file.size > MAX_MDB_BYTES) throw new Refused('Bancos Access acima de 512 MB não são lidos aqui: exporte as tabelas em CSV.');
    if (file.size === 0) throw new Refused('O arquivo está vazio.');
    const kept = await ctx.files.keep(file);
    try {
      const header = await storedHeader(ctx.files, { fileRef: kept.id, format, entity: entityHint ?? entityFromFileName(file.name) ?? 'pacientes', sheet });
      return { kept, format, header };
    } catch (error) {
      await ctx.files.delete(kept.id);
      if (error instanceof UnusableInput) throw new Refused(error.message);
      throw error;
    }
  };

  router.get('/solicitacoes/:id{[0-9]+}/arquivos', meta, async (c) => {
    const id = idParam(c);
    const data = await c.get('tx')(async (tx) => {
      const { r, role } = await loadRequest(c, tx, id);
      const files = await currentFiles(tx, r.id);
      const replaced = await tx
        .select()
        .from(requestFiles)
        .where(and(eq(requestFiles.resellerId, r.resellerId), eq(requestFiles.requestId, r.id), eq(requestFiles.status, 'substituido'), isNull(requestFiles.correctsFileId)));
      return { r, role, files, replaced };
    });
    return renderPage(c, { title: `Arquivos da migração #${id}`, body: <FilesPage {...data} canWrite={data.role !== 'leitor' && !closed(data.r)} /> });
  });

  router.post('/solicitacoes/:id{[0-9]+}/arquivos', { ...meta, upload: fileLimits }, async (c) => {
    const id = idParam(c);
    const back = filesPath(id);
    const refused = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      return closed(r) ? 'A migração terminou: não recebe mais arquivos.' : null;
    });
    if (refused) return refuse(c, refused, back);
    const form = await receiveUpload(c);
    const upload = form.file('arquivo');
    const chosen = (form.field('entidade') ?? '').trim();
    const sheet = (form.field('aba') ?? '').trim().slice(0, 120) || null;
    if (!upload) return refuse(c, 'Escolha o arquivo exportado do sistema antigo.', back);
    if (chosen !== '' && !isEntityKey(chosen)) return refuse(c, 'Escolha o que o arquivo contém na lista.', back);
    let read: Awaited<ReturnType<typeof keepReadable>>;
    try {
      read = await keepReadable(upload, chosen === '' ? null : chosen, sheet);
    } catch (error) {
      if (error instanceof Refused) return refuse(c, error.message, back);
      throw error;
    }
    const { kept, format, header } = read;
    const entity = (chosen === '' ? null : (chosen as EntityKey)) ?? entityFromFileName(upload.name) ?? entityFromHeader(header);
    try {
      if (!entity) throw new Refused('Não foi possível saber o que o arquivo contém pelo nome nem pelo cabeçalho: escolha na lista (Pacientes, Agendamentos, …).');
      const fileId = await c.get('tx')(async (tx) => {
        const { r } = await loadForChange(c, tx, id);
        const templates = await templatesOf(tx, r.legacySystemId);
        const probe = mappingOf({ entity, mapping: null } as RequestFileRow, header, templates.get(entity));
        if (probe.columns.length === 0)
          throw new Refused(`Nenhuma coluna do cabeçalho corresponde a um campo de ${ENTITIES[entity].label.toLowerCase()} (a primeira linha é o cabeçalho?).`);
        return insertFile(tx, c, r, { entity, kept, format, sheet, name: upload.name, correctsFileId: null });
      });
      const r = await c.get('tx')((tx) => loadRequest(c, tx, id).then((x) => x.r));
      await enqueue(c, r, fileId, 'envio');
      return done(c, filePath(id, fileId));
    } catch (error) {
      await ctx.files.delete(kept.id);
      if (error instanceof Refused) return refuse(c, error.message, back);
      throw error;
    }
  });

  /** Inserts a file row (a whole file replaces the current one of its entity) and audits it. */
  async function insertFile(
    tx: Parameters<Parameters<Ctx['var']['tx']>[0]>[0],
    c: Ctx,
    r: RequestRow,
    f: { entity: EntityKey; kept: KeptFile; format: 'csv' | 'xlsx' | 'mdb'; sheet: string | null; name: string; correctsFileId: number | null },
  ): Promise<number> {
    const user = c.get('actor').user!;
    if (f.correctsFileId === null) {
      // The previous file of this entity, and its corrections, are replaced.
      const previous = await tx
        .select({ id: requestFiles.id })
        .from(requestFiles)
        .where(and(eq(requestFiles.resellerId, r.resellerId), eq(requestFiles.requestId, r.id), eq(requestFiles.entity, f.entity), isNull(requestFiles.correctsFileId), ne(requestFiles.status, 'substituido')));
      for (const p of previous)
        await tx
          .update(requestFiles)
          .set({ status: 'substituido' })
          .where(and(eq(requestFiles.resellerId, r.resellerId), or(eq(requestFiles.id, p.id), eq(requestFiles.correctsFileId, p.id))));
    }
    const [row] = await tx
      .insert(requestFiles)
      .values({
        resellerId: r.resellerId,
        requestId: r.id,
        clinicId: r.clinicId,
        entity: f.entity,
        fileRef: f.kept.id,
        format: f.format,
        originalName: f.kept.name || f.name,
        sizeBytes: f.kept.size,
        sha256: f.kept.sha256,
        sheet: f.sheet,
        legacySystemId: r.legacySystemId,
        correctsFileId: f.correctsFileId,
        uploadedByUserId: user.id,
        uploadedByName: user.name,
        uploadedAt: ctx.clock.now(),
      })
      .returning({ id: requestFiles.id });
    await auditRequest(ctx, c, tx, r, f.correctsFileId === null ? 'migration.file.upload' : 'migration.file.correction', {
      file: f.kept.name || f.name,
      entity: f.entity,
      size: f.kept.size,
      sha256: f.kept.sha256,
    });
    return row!.id;
  }

  router.get('/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}', meta, async (c) => {
    const id = idParam(c);
    const fileId = idParam(c, 'file');
    const actor = c.get('actor');
    const data = await c.get('tx')(async (tx) => {
      const { r, role } = await loadRequest(c, tx, id);
      const file = await loadFile(tx, r, fileId);
      if (file.correctsFileId !== null) return { redirect: `${filePath(id, file.correctsFileId)}#correcoes` } as const;
      const corrections = await tx
        .select()
        .from(requestFiles)
        .where(and(eq(requestFiles.resellerId, r.resellerId), eq(requestFiles.correctsFileId, file.id)));
      const templates = await templatesOf(tx, r.legacySystemId);
      return { redirect: undefined, r, role, file, corrections, hasTemplate: templates.has(file.entity) };
    });
    if (data.redirect !== undefined) return c.redirect(data.redirect, 302);
    const job = data.file.jobId ? await ctx.jobs.get(data.file.jobId) : null;
    const visibleJob = job && canViewJob(actor, job) ? job : null;
    const practitioners = await basePractitioners(c, data.r, data.file);
    return renderPage(c, {
      title: `${data.file.originalName} · Migração #${id}`,
      body: (
        <FilePage
          {...data}
          job={visibleJob}
          canCancel={visibleJob ? canCancelJob(actor, visibleJob) : false}
          canWrite={data.role !== 'leitor' && !closed(data.r) && data.file.status !== 'substituido'}
          download={errorsDownload(actor, data.r, data.file.entity)}
          practitioners={practitioners}
        />
      ),
    });
  });

  router.get('/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/estado', meta, async (c) => {
    const id = idParam(c);
    const fileId = idParam(c, 'file');
    const file = await c.get('tx')(async (tx) => {
      const { r } = await loadRequest(c, tx, id);
      return loadFile(tx, r, fileId);
    });
    const job = file.jobId ? await ctx.jobs.get(file.jobId) : null;
    const running = job !== null && (job.state === 'queued' || job.state === 'running');
    if (running) return c.body(null, 204);
    c.header('HX-Refresh', 'true');
    return c.body(null, 200);
  });

  router.post('/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/mapeamento', meta, async (c) => {
    const id = idParam(c);
    const fileId = idParam(c, 'file');
    const form = await formOf(c);
    const user = c.get('actor').user!;
    const outcome = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      const file = await loadFile(tx, r, fileId);
      if (closed(r)) return { error: 'A migração terminou: o mapeamento não muda mais.' };
      if (file.correctsFileId !== null || file.status === 'substituido') return { error: 'Este arquivo foi substituído: revise o mapeamento do arquivo atual.' };
      if (!file.header || file.status === 'enviado') return { error: 'Aguarde a verificação do arquivo terminar para confirmar o mapeamento.' };
      if (!isEntityKey(file.entity)) throw new HttpError(404);
      const fields = ENTITIES[file.entity].fields;
      const chosen = file.header.map((column, index) => ({ column, index, field: field(form, `campo_${index}`) }));
      const unknown = chosen.filter((m) => m.field !== '' && !fields.some((f) => f.key === m.field));
      if (unknown.length > 0) return { error: 'Escolha os campos na lista.' };
      const twice = fields.filter((f) => chosen.filter((m) => m.field === f.key).length > 1);
      if (twice.length > 0)
        return { error: `Cada campo recebe uma só coluna: ${twice.map((f) => `"${f.label}" foi escolhido para ${chosen.filter((m) => m.field === f.key).map((m) => `"${m.column}"`).join(' e ')}`).join('; ')}.` };
      const mapping = chosen.filter((m) => m.field !== '').map((m) => ({ ...m, confidence: 1 }));
      if (mapping.length === 0) return { error: 'Escolha o campo de ao menos uma coluna.' };
      const now = ctx.clock.now();
      await tx
        .update(requestFiles)
        .set({ mapping, status: 'confirmado', confirmedByUserId: user.id, confirmedByName: user.name, confirmedAt: now })
        .where(and(eq(requestFiles.resellerId, r.resellerId), eq(requestFiles.id, file.id)));
      if (r.legacySystemId !== null)
        await saveTemplate(tx, r.legacySystemId, file.entity, Object.fromEntries(chosen.filter((m) => m.column.trim() !== '').map((m) => [m.column, m.field])), user.name, now);
      await auditRequest(ctx, c, tx, r, 'migration.file.mapping', { file: file.originalName, entity: file.entity, columns: mapping.length });
      return { r, template: r.legacySystemId !== null ? r.legacySystemName : null };
    });
    if ('error' in outcome) {
      await c.get('flash')(`${outcome.error} Nada foi alterado.`, 'error');
      return c.redirect(`${filePath(id, fileId)}#mapeamento`, 303);
    }
    await enqueue(c, outcome.r!, fileId, 'mapeamento');
    await c.get('flash')(
      `Mapeamento confirmado. A verificação foi refeita com ele${outcome.template ? ` e ele foi salvo como modelo para os próximos arquivos do sistema ${outcome.template}` : ''}.`,
      'success',
    );
    return c.redirect(filePath(id, fileId), 303);
  });

  router.post('/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/correcao', { ...meta, upload: correctionLimits }, async (c) => {
    const id = idParam(c);
    const fileId = idParam(c, 'file');
    const back = `${filePath(id, fileId)}#correcoes`;
    const target = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      const file = await loadFile(tx, r, fileId);
      if (closed(r)) return 'A migração terminou: não recebe mais arquivos.';
      if (file.correctsFileId !== null || file.status === 'substituido') return 'Este arquivo foi substituído: envie a correção do arquivo atual.';
      if (file.status === 'enviado') return 'Aguarde a verificação do arquivo terminar antes de enviar a correção.';
      return file;
    });
    if (typeof target === 'string') return refuse(c, target, back);
    const form = await receiveUpload(c);
    const upload = form.file('arquivo');
    if (!upload) return refuse(c, 'Escolha o arquivo com as linhas corrigidas.', back);
    let read: Awaited<ReturnType<typeof keepReadable>>;
    try {
      read = await keepReadable(upload, target.entity as EntityKey, null);
      const { fold } = await import('../prevalidation/fold.ts');
      const known = new Set((target.header ?? []).map((h) => fold(h)));
      if (!read.header.some((h) => known.has(fold(h)))) {
        await ctx.files.delete(read.kept.id);
        throw new Refused('O arquivo de correção não tem as colunas do arquivo original: use a planilha de erros baixada aqui, corrija as linhas e envie-a.');
      }
    } catch (error) {
      if (error instanceof Refused) return refuse(c, error.message, back);
      throw error;
    }
    try {
      const r = await c.get('tx')(async (tx) => {
        const { r } = await loadForChange(c, tx, id);
        await insertFile(tx, c, r, { entity: target.entity as EntityKey, kept: read.kept, format: read.format, sheet: null, name: upload.name, correctsFileId: target.id });
        return r;
      });
      await enqueue(c, r, target.id, 'correcao');
      return done(c, filePath(id, target.id));
    } catch (error) {
      await ctx.files.delete(read.kept.id);
      throw error;
    }
  });

  /** The error rows of a file as CSV, audited. */
  const download = async (c: Ctx, r: RequestRow, file: RequestFileRow) => {
    if (!file.errorsRef) throw new HttpError(404, 'Este arquivo não tem linhas com erro na última verificação.');
    const body = Readable.toWeb(await ctx.files.read(file.errorsRef)) as ReadableStream<Uint8Array>;
    await c.get('tx')((tx) => auditRequest(ctx, c, tx, r, 'migration.file.errors_download', { file: file.originalName, entity: file.entity, rows: (file.rows ?? 0) - (file.validRows ?? 0) }));
    return csvResponse(body, `${file.originalName.replace(/\.[^.]+$/, '')}.erros.csv`);
  };

  router.get('/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/erros.csv', meta, async (c) => {
    const id = idParam(c);
    const fileId = idParam(c, 'file');
    const { r, file } = await c.get('tx')(async (tx) => {
      const { r } = await loadRequest(c, tx, id);
      return { r, file: await loadFile(tx, r, fileId) };
    });
    if (errorsDownload(c.get('actor'), r, file.entity) !== 'erros.csv')
      throw new HttpError(403, 'As linhas com erro de prontuários, documentos e imagens são baixadas só pela equipe de migração e pelos profissionais clínicos da base.');
    return download(c, r, file);
  });

  router.get('/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/erros-prontuario.csv', { ...meta, dataClass: 'ehr', screen: 'Linhas com erro do prontuário' }, async (c) => {
    const id = idParam(c);
    const fileId = idParam(c, 'file');
    const { r, file } = await c.get('tx')(async (tx) => {
      const r = await findRequest(tx, id);
      if (!r || !isClinicalOfBase(c.get('actor'), r)) throw new HttpError(404);
      return { r, file: await loadFile(tx, r, fileId) };
    });
    return download(c, r, file);
  });
}
