/**
 * Routes of the CSV import (reseller.manage): upload → preview (per row: "será criada" or errors) →
 * confirm. The file travels from the preview to the confirmation inside the confirm form (see
 * payload.ts) and is parsed and checked again on confirm; the bases are created in ONE transaction.
 */
import { type AppEnv, type CoreServices, HttpError, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { type ClinicAdmin, clinicAdminOf } from '../clinics/admin-scope.ts';
import { formText, type SelectOption, urlWith } from '../clinics/admin-ui.tsx';
import { findTakenKeys, nextFreeBaseIds } from '../clinics/clinic-keys.ts';
import { auditChange } from '../clinics/request-audit.ts';
import { CLINIC_CSV_MAX_BYTES, parseClinicCsv } from '../parsing/index.ts';
import { activeResellers, findResellerByCode, findResellerById, type Reseller } from '../resellers/reseller-store.ts';
import { idRanges } from './id-ranges.ts';
import { basesToCreate, type ImportMode, idNeeds, keysToCheck, planImport, refusal } from './import-plan.ts';
import { alreadyImported, AlreadyImportedError, ImportConflictError, insertImportedClinics } from './import-store.ts';
import { importResultRows } from './import-result.ts';
import { ImportResultPage } from './import-result-page.tsx';
import { PreviewPage, UploadPage } from './import-pages.tsx';
import { decodePayload, encodePayload } from './payload.ts';
import { headerOfFields } from './row-fields.ts';

type Ctx = Context<AppEnv>;

/** Multipart overhead on top of the 5 MB file (and, on confirm, base64's 4/3). */
const UPLOAD_MAX_BODY = CLINIC_CSV_MAX_BYTES + 256 * 1024;
const CONFIRM_MAX_BODY = Math.ceil((CLINIC_CSV_MAX_BYTES * 4) / 3) + 256 * 1024;

const meta = (screen: string, maxBodyBytes?: number) =>
  ({ permission: 'reseller.manage', dataClass: 'general', screen, ...(maxBodyBytes ? { maxBodyBytes } : {}) }) as const;

const resellerLabel = (r: Reseller) => `${r.name} · id reseller ${r.code}`;
const resellerOption = (r: Pick<Reseller, 'code' | 'name'>): SelectOption => ({ value: r.code, label: `${r.name} (${r.code})` });

/** The singular the bases go to: the reseller admin's own, or the one a platform admin chose. */
async function targetReseller(c: Ctx, admin: ClinicAdmin, code: string): Promise<{ reseller: Reseller | null; error?: string }> {
  if (admin.kind === 'reseller') {
    const own = await c.get('tx')((tx) => findResellerById(tx, admin.resellerId));
    if (!own) throw new HttpError(403, 'Área restrita aos administradores.');
    return own.status === 'active' ? { reseller: own } : { reseller: null, error: 'Esta singular está inativa.' };
  }
  if (code === '') return { reseller: null, error: 'Escolha a singular das novas bases.' };
  const reseller = await c.get('tx')((tx) => findResellerByCode(tx, code));
  if (!reseller) return { reseller: null, error: 'Singular não encontrada.' };
  if (reseller.status !== 'active') return { reseller: null, error: 'Esta singular está inativa; reative-a antes de criar bases.' };
  return { reseller };
}

function readMode(value: string): ImportMode {
  return value === 'validas' ? 'valid-only' : 'all-or-nothing';
}

function shortName(name: string): string {
  const clean = name.replace(/[\\/]/g, '_').replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  return (chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : clean) || 'arquivo.csv';
}

export function registerClinicImportRoutes(router: ScreenRouter, services: CoreServices): void {
  const renderUpload = async (c: Ctx, admin: ClinicAdmin, singular: string, errors: string[], singularError?: string) => {
    const own = admin.kind === 'reseller' ? await c.get('tx')((tx) => findResellerById(tx, admin.resellerId)) : null;
    const options = admin.kind === 'platform' ? (await c.get('tx')((tx) => activeResellers(tx))).map(resellerOption) : null;
    return renderPage(c, {
      title: 'Importar bases clínicas',
      status: errors.length > 0 || singularError ? 422 : 200,
      body: (
        <UploadPage
          resellerLabel={own ? resellerLabel(own) : null}
          resellerOptions={options}
          singular={singular}
          errors={errors}
          singularError={singularError}
        />
      ),
    });
  };

  /** Parses and checks the file against the database, then renders the preview (or the upload page with the file's errors). */
  const preview = async (
    c: Ctx,
    admin: ClinicAdmin,
    reseller: Reseller,
    bytes: Uint8Array,
    fileName: string,
    mode: ImportMode,
    error?: string,
  ) => {
    const parsed = parseClinicCsv(bytes);
    if (!parsed.ok) return renderUpload(c, admin, reseller.code, parsed.fileErrors);
    const plan = planImport(parsed.rows, await findTakenKeys(services.db, keysToCheck(parsed.rows)));
    const headers = headerOfFields(Object.keys(parsed.rows[0]?.input ?? {}));
    return renderPage(c, {
      title: 'Prévia da importação',
      status: error ? 422 : 200,
      body: (
        <PreviewPage
          plan={plan}
          headers={headers}
          payload={encodePayload(bytes)}
          fileName={fileName}
          encoding={parsed.encoding}
          delimiter={parsed.delimiter}
          ignoredColumns={parsed.ignoredColumns}
          resellerLabel={resellerLabel(reseller)}
          singular={admin.kind === 'platform' ? reseller.code : ''}
          mode={mode}
          error={error}
        />
      ),
    });
  };

  router.get('/bases/importar', meta('Importar bases (CSV)'), async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    return renderUpload(c, admin, admin.kind === 'platform' ? (c.req.query('singular') ?? '') : '', []);
  });

  router.post('/bases/importar', meta('Prévia da importação', UPLOAD_MAX_BODY), async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    const body = await c.req.parseBody();
    const singular = admin.kind === 'platform' ? formText(body, 'singular').trim() : '';
    const target = await targetReseller(c, admin, singular);
    const file = body.arquivo;
    const fileErrors = file instanceof File && file.size > 0 ? [] : ['Escolha o arquivo CSV com as bases clínicas.'];
    if (!target.reseller || fileErrors.length > 0) return renderUpload(c, admin, singular, fileErrors, target.error);
    const bytes = new Uint8Array(await (file as File).arrayBuffer());
    return preview(c, admin, target.reseller, bytes, shortName((file as File).name), 'all-or-nothing');
  });

  router.post('/bases/importar/confirmar', meta('Confirmar importação', CONFIRM_MAX_BODY), async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    const body = await c.req.parseBody();
    const singular = admin.kind === 'platform' ? formText(body, 'singular').trim() : '';
    const target = await targetReseller(c, admin, singular);
    if (!target.reseller) return renderUpload(c, admin, singular, [], target.error);
    const reseller = target.reseller;
    const fileName = shortName(formText(body, 'nome_arquivo'));
    const mode = readMode(formText(body, 'modo'));
    const bytes = decodePayload({ content: formText(body, 'conteudo'), digest: formText(body, 'resumo') });
    if (!bytes) {
      return renderUpload(c, admin, singular, ['Os dados da prévia chegaram incompletos ou alterados. Envie o arquivo de novo.']);
    }
    const digest = encodePayload(bytes).digest;
    const repeated = () =>
      renderUpload(c, admin, singular, [
        `O arquivo “${fileName}” já foi importado nesta singular; nada foi criado de novo. Confira as bases em “Bases clínicas”.`,
      ]);
    if (await c.get('tx')((tx) => alreadyImported(tx, reseller.id, digest))) return repeated();
    const parsed = parseClinicCsv(bytes);
    if (!parsed.ok) return renderUpload(c, admin, singular, parsed.fileErrors);
    const plan = planImport(parsed.rows, await findTakenKeys(services.db, keysToCheck(parsed.rows)));
    const refused = refusal(plan, mode);
    if (refused) return preview(c, admin, reseller, bytes, fileName, mode, refused);
    const needs = idNeeds(plan);
    const bases = basesToCreate(plan, await nextFreeBaseIds(services.db, needs.generated, needs.reserved));
    const skipped = plan.rows.filter((row) => row.value === null).map((row) => row.line);
    try {
      await c.get('tx')(async (tx) => {
        // The result page answers the POST itself (to keep the per-row result), so a reload would post the same file
        // again: a file already imported into this singular is refused instead of creating its bases twice.
        if (await alreadyImported(tx, reseller.id, digest)) throw new AlreadyImportedError();
        await insertImportedClinics(tx, reseller.id, bases);
        await auditChange(services, c, tx, {
          action: 'clinic.import',
          resellerId: reseller.id,
          target: `importação de ${bases.length} bases`,
          details: {
            created: bases.length,
            baseIds: idRanges(bases.map((b) => b.baseId)),
            skippedLines: skipped.slice(0, 200),
            skipped: skipped.length,
            mode,
            file: fileName,
            sha256: digest,
          },
        });
      });
    } catch (error) {
      if (error instanceof AlreadyImportedError) return repeated();
      if (!(error instanceof ImportConflictError)) throw error;
      return preview(
        c,
        admin,
        reseller,
        bytes,
        fileName,
        mode,
        'Nada foi criado: algum id de base foi usado por outra pessoa enquanto você revisava a prévia. Confira a prévia atualizada e confirme de novo.',
      );
    }
    const headers = headerOfFields(Object.keys(parsed.rows[0]?.input ?? {}));
    return renderPage(c, {
      title: 'Resultado da importação',
      body: <ImportResultPage fileName={fileName} rows={importResultRows(plan, bases, headers)} basesHref={urlWith('/bases', { singular })} />,
    });
  });
}
