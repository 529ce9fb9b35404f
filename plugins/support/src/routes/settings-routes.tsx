/** The singular admin's settings of the support plugin (routing, TISS text, SLA calendar, retention). */
import { asDateInputValue, localDate, type PluginRouter, renderPage } from '@painel/core/plugin';
import { type Ctx, field, type SupportContext } from '../http/request.ts';
import { P } from '../permissions.ts';
import { SettingsPage } from '../settings/settings-page.tsx';
import { addDayOff, readSettingsForm, removeDayOff } from '../settings/settings-form.ts';
import { calendarOf, type SupportSettings } from '../settings/settings-schema.ts';
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

  /** Saves settings the form module accepted, in one transaction with an audit entry. */
  const save = async (c: Ctx, next: SupportSettings, what: string, message: string) => {
    const actor = c.get('actor');
    const resellerId = actor.user!.resellerId!;
    await c.get('tx')(async (tx) => {
      await ctx.saveSettings(tx, resellerId, next, actor.user!.id);
      await ctx.audit.append(
        {
          action: 'support.settings.saved',
          actorUserId: actor.user!.id,
          actorEmail: actor.user!.email,
          resellerId,
          target: what,
          ip: c.get('clientIp'),
          requestId: c.get('requestId'),
          details: { ownSupportTeam: next.ownSupportTeam, optionalHolidays: next.optionalHolidays, extraDaysOff: next.extraDaysOff },
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
    const change = readSettingsForm((await c.req.parseBody({ all: true })) as Record<string, unknown>, current);
    if (!change.ok) return show(c, change.shown, change.errors, 422);
    return save(c, change.next, 'configurações do suporte', 'Configurações do suporte salvas. Os prazos de SLA já usam o novo calendário.');
  });

  router.post('/configuracoes/folgas', meta('Adicionar folga'), async (c) => {
    const current = await ctx.settings(c.get('actor').user!.resellerId!);
    const change = addDayOff(field(await c.req.parseBody(), 'data'), current);
    if (!change.ok) return show(c, change.shown, change.errors, 422);
    return save(c, change.next, `folga ${change.date}`, `Folga de ${asDateInputValue(change.date!)} adicionada ao calendário do SLA.`);
  });

  router.post('/configuracoes/folgas/remover', meta('Remover folga'), async (c) => {
    const current = await ctx.settings(c.get('actor').user!.resellerId!);
    const date = field(await c.req.parseBody(), 'data');
    const change = removeDayOff(date, current);
    if (!change.ok) return show(c, change.shown, change.errors, 422);
    return save(c, change.next, `folga ${date}`, `Folga de ${asDateInputValue(date)} removida.`);
  });
}
