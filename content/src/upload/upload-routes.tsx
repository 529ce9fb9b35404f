import { type AppEnv, type CoreServices, formatNumber, PageHeader, plural, receiveUpload, renderPage, type ScreenRouter, type UploadLimits } from '@painel/core/module';
import type { Context } from 'hono';
import { authorOf } from '../shared/author.ts';
import { auditContent } from '../shared/audit.ts';
import { managedOwner } from '../shared/track-access.ts';
import { platformTrack, type TrackRef, versionPath } from '../tracks/track-ref.ts';
import { checkUpload, MAX_PREVIEW_TEXT, MAX_UPLOAD_BYTES, storeUploadedVersion } from '../tracks/upload-version.ts';
import { createTrack, listTracks, listVersions, type TrackRow } from '../tracks/version-store.ts';
import type { Notice, ValidationIssue } from '../validation/index.ts';
import { IssuesTable, NoticesList } from './issues-table.tsx';
import { UploadForm, type UploadFormProps, type UploadFormValues } from './upload-form.tsx';

/**
 * Streamed (core's receiver): the file may pass the validator's limit by 64 KB, so a slightly larger
 * file still gets its located message; the preview text's 2,000 characters fit in 8 KB of UTF-8.
 */
export const UPLOAD_LIMITS: UploadLimits = { maxFileBytes: MAX_UPLOAD_BYTES + 64 * 1024, maxFields: 10, maxFieldBytes: 4 * MAX_PREVIEW_TEXT + 1024 };

const meta = { permission: 'reseller.manage', dataClass: 'general', screen: 'Enviar conquistas' } as const;

interface Rejection {
  issues: ValidationIssue[];
  notices: Notice[];
  fieldErrors: UploadFormProps['fieldErrors'];
}

export function uploadRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/conteudos/enviar', meta, async (c) => {
    const owner = managedOwner(c.get('actor'));
    const tracks = owner.kind === 'reseller' ? await c.get('tx')((tx) => listTracks(tx, owner.resellerId)) : [];
    const wanted = c.req.query('trilha') ?? '';
    const trilha = owner.kind === 'platform' ? 'padrao' : tracks.some((t) => String(t.id) === wanted) ? wanted : 'nova';
    const previa = await latestPreviewText(c, owner.kind === 'platform' ? platformTrack : refFor(tracks, trilha));
    return uploadPage(c, { owner: owner.kind, tracks, values: { trilha, nome: '', previa }, fieldErrors: {} });
  });

  router.post('/conteudos/enviar', { ...meta, upload: UPLOAD_LIMITS }, async (c) => {
    const actor = c.get('actor');
    const owner = managedOwner(actor);
    const body = await receiveUpload(c);
    const values: UploadFormValues = {
      trilha: owner.kind === 'platform' ? 'padrao' : body.field('trilha') || 'nova',
      nome: body.field('nome').trim(),
      previa: body.field('previa').replace(/\r\n?/g, '\n').trim(),
    };
    const tracks = owner.kind === 'reseller' ? await c.get('tx')((tx) => listTracks(tx, owner.resellerId)) : [];
    const rejection: Rejection = { issues: [], notices: [], fieldErrors: {} };

    let existing: TrackRow | null = null;
    if (owner.kind === 'reseller') {
      if (values.trilha === 'nova') {
        if (values.nome.length < 3) rejection.fieldErrors.nome = 'Informe o nome da nova trilha (pelo menos 3 letras).';
        else if (values.nome.length > 120) rejection.fieldErrors.nome = 'O nome pode ter até 120 caracteres.';
      } else {
        existing = tracks.find((t) => String(t.id) === values.trilha) ?? null;
        if (!existing) rejection.fieldErrors.trilha = 'Escolha uma trilha da lista.';
      }
    }
    if (values.previa.length > MAX_PREVIEW_TEXT) {
      rejection.fieldErrors.previa = `O texto complementar tem ${formatNumber(values.previa.length)} caracteres; o máximo é ${formatNumber(MAX_PREVIEW_TEXT)}.`;
    }
    const file = body.file('arquivo');
    let upload: ReturnType<typeof checkUpload> | null = null;
    if (!file) {
      rejection.fieldErrors.arquivo = 'Escolha o arquivo de conquistas (.json ou .txt).';
    } else if (!/\.(json|txt)$/i.test(file.name)) {
      rejection.fieldErrors.arquivo = `O arquivo "${file.name}" não é .json nem .txt. Salve as conquistas como .json ou .txt e envie de novo.`;
    } else {
      upload = checkUpload(await file.bytes());
      rejection.notices = upload.notices;
      if (!upload.ok) rejection.issues = upload.errors;
    }

    const hasFieldErrors = Object.keys(rejection.fieldErrors).length > 0;
    if (!upload?.ok || hasFieldErrors) {
      c.get('log').info({ issues: rejection.issues.length, fields: Object.keys(rejection.fieldErrors) }, 'conquistas upload rejected');
      return uploadPage(c, { owner: owner.kind, tracks, values, fieldErrors: rejection.fieldErrors }, rejection, 422);
    }

    const accepted = upload;
    const fileName = file!.name.slice(0, 200);
    const at = services.clock.now();
    const author = authorOf(actor);
    const { ref, number } = await c.get('tx')(async (tx) => {
      let ref: TrackRef;
      if (owner.kind === 'platform') ref = platformTrack;
      else if (existing) ref = { owner: 'reseller', resellerId: owner.resellerId, trackId: existing.id };
      else {
        const trackId = await createTrack(tx, owner.resellerId, values.nome, author.userId, at);
        ref = { owner: 'reseller', resellerId: owner.resellerId, trackId };
      }
      const number = await storeUploadedVersion(tx, ref, { upload: accepted, fileName, previewText: values.previa || null, author, at });
      await auditContent(c, tx, {
        action: 'content.version.upload',
        resellerId: ref.owner === 'reseller' ? ref.resellerId : null,
        target: `${versionPath(ref, number)}`,
        details: { fileName, bytes: file!.size, notices: accepted.notices.map((n) => n.key) },
      });
      return { ref, number };
    });
    const normalised =
      accepted.notices.length > 0
        ? ` ${plural(accepted.notices.length, { one: 'ajuste automático listado', other: 'ajustes automáticos listados' })} abaixo.`
        : '';
    await c.get('flash')(`Arquivo aceito: versão ${number} criada como rascunho.${normalised} Confira a prévia e publique.`, 'success');
    return c.redirect(`${versionPath(ref, number)}?enviada=1`, 303);
  });
}

function refFor(tracks: TrackRow[], trilha: string): TrackRef | null {
  const t = tracks.find((x) => String(x.id) === trilha);
  return t ? { owner: 'reseller', resellerId: t.resellerId, trackId: t.id } : null;
}

/** A new version starts with the preview text of the latest one. */
async function latestPreviewText(c: Context<AppEnv>, ref: TrackRef | null): Promise<string> {
  if (!ref) return '';
  const [latest] = await c.get('tx')((tx) => listVersions(tx, ref));
  return latest?.previewText ?? '';
}

async function uploadPage(c: Context<AppEnv>, form: UploadFormProps, rejection?: Rejection, status: 200 | 422 = 200) {
  const issues = rejection?.issues ?? [];
  const fieldCount = Object.keys(rejection?.fieldErrors ?? {}).length;
  const total = issues.length + fieldCount;
  return renderPage(c, {
    title: 'Enviar conquistas',
    status,
    body: (
      <>
        <PageHeader
          title="Enviar arquivo de conquistas"
          subtitle={
            form.owner === 'platform'
              ? 'Nova versão da trilha padrão da plataforma, em 5 etapas.'
              : 'Cada envio aceito vira uma nova versão em rascunho da trilha.'
          }
          actions={
            <a href="/conteudos" class="secondary outline" role="button">
              Voltar aos conteúdos
            </a>
          }
        />
        {rejection && (
          <div class="flash flash-error" role="alert" data-testid="upload-rejected">
            <strong>
              O arquivo não foi aceito: {total} {total === 1 ? 'problema encontrado' : 'problemas encontrados'}. Nada foi salvo.
            </strong>{' '}
            Corrija {total === 1 ? 'o item abaixo' : 'todos os itens abaixo'} e envie de novo.
          </div>
        )}
        {issues.length > 0 && (
          <section class="card" aria-labelledby="problemas">
            <h2 id="problemas" class="card-title">Problemas no arquivo</h2>
            <IssuesTable issues={issues} />
          </section>
        )}
        {rejection && <NoticesList notices={rejection.notices} title="Ajustes que seriam feitos automaticamente:" />}
        <UploadForm {...form} />
      </>
    ),
  });
}
