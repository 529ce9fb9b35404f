/** The singular admin's settings of the support plugin (routing, TISS text, SLA calendar, retention). */
import { asDateInputValue, isoCalendarDate, localDate, OPTIONAL_HOLIDAY_KEYS, parseCalendarDate, type PluginRouter, renderPage } from '@painel/core/plugin';
import { isOneOf } from '../domain/vocabulary.ts';
import { type Ctx, field, type SupportContext } from '../http/request.ts';
import { P } from '../permissions.ts';
import { SettingsPage } from '../settings/settings-page.tsx';
import { calendarOf, type SupportSettings, supportSettings } from '../settings/settings-schema.ts';
import { upcomingDaysOff } from '../settings/upcoming-days-off.ts';

const meta = (screen: string) => ({ permission: P.team, dataClass: 'general', screen, maxBodyBytes: 32 * 1024 }) as const;

export function settingsRoutes(router: PluginRouter, ctx: SupportContext): void {
  const show = async (c: Ctx, settings: SupportSettings, errors: string[] = [], status: 200 | 422 = 200) => {
    const today = localDate(ctx.clock.now());
    return renderPage(c, {
      title: 'Configurações do suporte',
      status,
      body: <SettingsPage settings={settings} errors={errors} upcoming={upcomingDaysOff(calendarOf(settings), today)} today={today} />,
    });
  };

  /** Validates and saves in one transaction, with an audit entry; a pt-BR list of problems otherwise. */
  const save = async (c: Ctx, next: SupportSettings, what: string, message: string) => {
    const actor = c.get('actor');
    const resellerId = actor.user!.resellerId!;
    const parsed = supportSettings.safeParse(next);
    if (!parsed.success) return show(c, next, parsed.error.issues.map((i) => i.message), 422);
    await c.get('tx')(async (tx) => {
      await ctx.saveSettings(tx, resellerId, parsed.data, actor.user!.id);
      await ctx.audit.append(
        {
          action: 'support.settings.saved',
          actorUserId: actor.user!.id,
          actorEmail: actor.user!.email,
          resellerId,
          target: what,
          ip: c.get('clientIp'),
          requestId: c.get('requestId'),
          details: { ownSupportTeam: parsed.data.ownSupportTeam, optionalHolidays: parsed.data.optionalHolidays, extraDaysOff: parsed.data.extraDaysOff },
        },
        tx,
      );
    });
    await c.get('flash')(message, 'success');
    return c.redirect('/p/support/configuracoes', 303);
  };

  router.get('/configuracoes', { ...meta('Configurações do suporte') }, async (c) => show(c, await ctx.settings(c.get('actor').user!.resellerId!)));

  router.post('/configuracoes', meta('Salvar configurações do suporte'), async (c) => {
    const current = await ctx.settings(c.get('actor').user!.resellerId!);
    const form = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
    const raw = form.facultativos;
    const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((k): k is string => typeof k === 'string');
    const errors: string[] = [];
    const optional = chosen.filter((k) => isOneOf(OPTIONAL_HOLIDAY_KEYS, k));
    if (optional.length !== chosen.length) errors.push('Ponto facultativo desconhecido.');
    const text = field(form, 'textoTiss');
    if (text.length < 1 || text.length > 4000) errors.push('Escreva a resposta padrão de TISS (até 4.000 caracteres).');
    const retention = Number(field(form, 'retencaoDias'));
    if (!Number.isInteger(retention) || retention < 30 || retention > 3650) errors.push('A retenção de anexos deve ser de 30 a 3.650 dias.');
    const next: SupportSettings = {
      ...current,
      ownSupportTeam: field(form, 'equipePropria') === '1',
      tissReplyText: text || current.tissReplyText,
      optionalHolidays: [...new Set(optional)] as SupportSettings['optionalHolidays'],
      attachmentRetentionDays: Number.isInteger(retention) ? retention : current.attachmentRetentionDays,
    };
    if (errors.length > 0) return show(c, { ...next, tissReplyText: text }, errors, 422);
    return save(c, next, 'configurações do suporte', 'Configurações do suporte salvas. Os prazos de SLA já usam o novo calendário.');
  });

  router.post('/configuracoes/folgas', meta('Adicionar folga'), async (c) => {
    const current = await ctx.settings(c.get('actor').user!.resellerId!);
    const typed = parseCalendarDate(field(await c.req.parseBody(), 'data'));
    if (!typed) return show(c, current, ['Informe uma data válida para a folga, no formato dd/mm/aaaa.'], 422);
    const date = isoCalendarDate(typed);
    if (current.extraDaysOff.includes(date)) return show(c, current, [`A folga de ${asDateInputValue(date)} já existe.`], 422);
    const next = { ...current, extraDaysOff: [...current.extraDaysOff, date].sort() };
    return save(c, next, `folga ${date}`, `Folga de ${asDateInputValue(date)} adicionada ao calendário do SLA.`);
  });

  router.post('/configuracoes/folgas/remover', meta('Remover folga'), async (c) => {
    const current = await ctx.settings(c.get('actor').user!.resellerId!);
    const date = field(await c.req.parseBody(), 'data');
    if (!current.extraDaysOff.includes(date)) return show(c, current, ['Esta folga não está no calendário.'], 422);
    const next = { ...current, extraDaysOff: current.extraDaysOff.filter((d) => d !== date) };
    return save(c, next, `folga ${date}`, `Folga de ${asDateInputValue(date)} removida.`);
  });
}
