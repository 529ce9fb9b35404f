import { type AppEnv, type CoreServices, HttpError, type MembershipRole, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { normalizeEmail, parseBaseId, parseMultiClinicRequest } from '../parsing/index.ts';
import { areaClinicsByIds, searchAreaClinics } from '../users/area-clinic-search.ts';
import { baseIds, field, fields } from '../users/params.ts';
import { isMembershipRole } from '../users/roles.tsx';
import { type UserArea, userAreaOf } from '../users/user-area.ts';
import { applyMultiClinic } from './apply.ts';
import { MultiClinicFormPage, type PasteValues, type PickValues, PreviewPage } from './multi-clinic-pages.tsx';
import { type MultiClinicAsk, previewRequest } from './preview.ts';

const meta = (screen: string) => ({ permission: 'reseller.admin', dataClass: 'personal', screen, maxBodyBytes: 128 * 1024 }) as const;

function resellerArea(c: Context<AppEnv>): Extract<UserArea, { kind: 'reseller' }> {
  const area = userAreaOf(c.get('actor'));
  if (area?.kind !== 'reseller') throw new HttpError(403);
  return area;
}

const emptyPaste: PasteValues = { text: '', role: null, errors: [] };

async function pickValues(
  c: Context<AppEnv>,
  area: UserArea,
  input: { email: string; typedIds: string; role: string; q: string; chosen: number[]; errors?: string[] },
): Promise<PickValues> {
  const { results, selected } = await c.get('tx')(async (tx) => ({
    results: await searchAreaClinics(tx, area, input.q),
    selected: await areaClinicsByIds(tx, area, input.chosen.slice(0, 1000)),
  }));
  return {
    email: input.email,
    typedIds: input.typedIds,
    role: isMembershipRole(input.role) ? input.role : 'secretaria',
    q: input.q,
    results,
    selected,
    errors: input.errors ?? [],
  };
}

/** Ids typed as "2345, 3456 4567": each checked, every problem reported. */
function readTypedIds(text: string): { ids: number[]; errors: string[] } {
  const ids: number[] = [];
  const errors: string[] = [];
  for (const item of text.split(/[\s,;]+/).filter(Boolean)) {
    const parsed = parseBaseId(item);
    if (parsed.ok) ids.push(parsed.value);
    else errors.push(parsed.message);
  }
  return { ids, errors };
}

function formPage(c: Context<AppEnv>, paste: PasteValues, pick: PickValues, status: 200 | 400 = 200) {
  return renderPage(c, { title: 'Multi clínica', body: <MultiClinicFormPage paste={paste} pick={pick} />, status });
}

export function multiClinicRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/usuarios/multi-clinica', meta('Multi clínica'), async (c) => {
    const area = resellerArea(c);
    const pick = await pickValues(c, area, {
      email: (c.req.query('email') ?? '').slice(0, 254),
      typedIds: (c.req.query('ids') ?? '').slice(0, 10_000),
      role: c.req.query('perfil') ?? '',
      q: (c.req.query('buscaBase') ?? '').trim().slice(0, 100),
      chosen: baseIds(c.req.queries('bases')),
    });
    return formPage(c, emptyPaste, pick);
  });

  router.post('/usuarios/multi-clinica/previa', meta('Multi clínica'), async (c) => {
    const area = resellerArea(c);
    const body = await c.req.parseBody({ all: true });
    const roleField = field(body, 'perfil');
    const chosenRole: MembershipRole | null = isMembershipRole(roleField) ? roleField : null;
    let ask: MultiClinicAsk;
    const mode = field(body, 'modo') === 'formulario' ? 'formulario' : 'texto';
    const text = field(body, 'pedido');
    if (mode === 'texto') {
      const parsed = parseMultiClinicRequest(text);
      if (!parsed.ok) {
        const pick = await pickValues(c, area, { email: '', typedIds: '', role: '', q: '', chosen: [] });
        return formPage(c, { text, role: chosenRole, errors: parsed.errors }, pick, 400);
      }
      ask = { email: parsed.email, existingBaseId: parsed.existingBaseId, requestedBaseIds: parsed.requestedBaseIds, warnings: parsed.warnings };
    } else {
      const emailText = field(body, 'email').trim();
      const email = normalizeEmail(emailText);
      const typed = readTypedIds(field(body, 'ids'));
      const ids = [...new Set([...baseIds(fields(body, 'bases')), ...typed.ids])];
      const errors = [...typed.errors];
      if (!email) errors.unshift(emailText ? `“${emailText}” não é um e-mail válido.` : 'Informe o e-mail do usuário.');
      if (ids.length === 0 && typed.errors.length === 0) errors.push('Escolha ao menos uma base (pela busca ou digitando os ids).');
      if (ids.length > 1000) errors.push('Escolha no máximo 1.000 bases por pedido.');
      if (errors.length > 0 || !email) {
        const pick = await pickValues(c, area, {
          email: emailText,
          typedIds: field(body, 'ids'),
          role: roleField,
          q: field(body, 'buscaBase').trim(),
          chosen: baseIds(fields(body, 'bases')),
          errors,
        });
        return formPage(c, emptyPaste, pick, 400);
      }
      ask = { email, existingBaseId: null, requestedBaseIds: ids, warnings: [] };
    }
    const preview = await previewRequest(services, c.get('tx'), area.resellerId, ask);
    return renderPage(c, {
      title: 'Prévia multi clínica',
      body: <PreviewPage preview={preview} role={chosenRole ?? preview.defaultRole} mode={mode} text={text} />,
    });
  });

  router.post('/usuarios/multi-clinica/confirmar', meta('Multi clínica'), async (c) => {
    const area = resellerArea(c);
    const body = await c.req.parseBody({ all: true });
    const email = normalizeEmail(field(body, 'email'));
    const requested = baseIds(fields(body, 'bases'));
    const origin = baseIds([field(body, 'origem')])[0] ?? null;
    const role = field(body, 'perfil');
    if (!email || requested.length === 0 || requested.length > 1000 || !isMembershipRole(role)) {
      throw new HttpError(400, 'O pedido de confirmação está incompleto. Volte à Multi clínica e gere a prévia de novo.', { title: 'Pedido incompleto' });
    }
    const ask: MultiClinicAsk = { email, existingBaseId: origin, requestedBaseIds: requested.filter((id) => id !== origin), warnings: [] };
    const preview = await previewRequest(services, c.get('tx'), area.resellerId, ask);
    const skipRefused = field(body, 'ignorarRecusadas') === '1';
    const result = await applyMultiClinic(c, services, area.resellerId, preview, {
      role,
      expected: baseIds(fields(body, 'esperado')),
      skipRefused,
    });
    const again = (extra: { error?: string; notice?: string }, status: 400 | 409) =>
      renderPage(c, {
        title: 'Prévia multi clínica',
        body: <PreviewPage preview={preview} role={role} mode="formulario" text="" {...extra} />,
        status,
      });
    if (result.kind === 'refused') return again({ error: result.message }, 400);
    if (result.kind === 'changed') {
      return again({ notice: 'A situação das bases mudou desde a prévia. Nada foi gravado: confira a prévia atualizada e confirme de novo.' }, 409);
    }
    const n = result.added.length;
    await c.get('flash')(
      n === 0
        ? 'Nada foi gravado: o usuário já tinha acesso a todas as bases do pedido.'
        : `${n === 1 ? '1 novo vínculo criado' : `${n} novos vínculos criados`} para ${email} (${result.added.join(', ')}).`,
      n === 0 ? 'info' : 'success',
    );
    return c.redirect(preview.user ? `/usuarios/${preview.user.id}` : '/usuarios', 303);
  });
}
