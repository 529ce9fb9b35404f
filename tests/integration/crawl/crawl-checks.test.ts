/** The crawl-replay's own parts can fail: the leak check, the write rules and the page reader. */
import { describe, expect, it } from 'vitest';
import { targetsOf } from './html-targets.ts';
import { leaksIn } from './leaks.ts';
import type { TenantValues } from './tenant-values.ts';
import { mayWrite } from './visibility.ts';

const values: TenantValues = new Map([
  ['Clínica Vizinha Alfa', [{ reseller: 2, clinic: 2001, kind: 'clinic' }]],
  ['gestor.b@crawl.test', [{ reseller: 2, clinic: 2001, kind: 'user' }]],
  ['Impressora não imprime', [{ reseller: 2, clinic: 2001, kind: 'ticket', vendorQueue: true }]],
  ['Vera Vizinha', [{ reseller: 2, clinic: null, kind: 'user' }]],
]);
const page = '<table><tr><td>Clínica Vizinha Alfa</td><td>gestor.b@crawl.test</td><td>Impressora n&#xE3;o imprime</td><td>Vera Vizinha</td></tr></table>';

describe('the leak check', () => {
  it('flags every value of another singular for a reseller admin, and nothing for the platform', () => {
    expect(leaksIn(page, values, { kind: 'reseller', reseller: 1 }, '')).toEqual(['Clínica Vizinha Alfa', 'gestor.b@crawl.test', 'Impressora não imprime', 'Vera Vizinha']);
    expect(leaksIn(page, values, { kind: 'reseller', reseller: 2 }, '')).toEqual([]);
    expect(leaksIn(page, values, { kind: 'platform' }, '')).toEqual([]);
  });

  it('lets a base’s members see it and their singular’s admins, not another base', () => {
    expect(leaksIn(page, values, { kind: 'member', clinics: new Set([2001]), resellers: new Set([2]) }, '')).toEqual([]);
    expect(leaksIn(page, values, { kind: 'member', clinics: new Set([2002]), resellers: new Set([2]) }, '')).toEqual([
      'Clínica Vizinha Alfa',
      'gestor.b@crawl.test',
      'Impressora não imprime',
    ]);
  });

  it('lets support see names and the vendor queue’s tickets everywhere, a base’s people only through a grant', () => {
    expect(leaksIn(page, values, { kind: 'support', grants: new Set() }, '')).toEqual(['gestor.b@crawl.test', 'Vera Vizinha']);
    expect(leaksIn(page, values, { kind: 'support', grants: new Set([2001]) }, '')).toEqual(['Vera Vizinha']);
  });

  it('does not count what the actor sent itself', () => {
    expect(leaksIn(page, values, { kind: 'reseller', reseller: 1 }, 'nome=Clínica Vizinha Alfa gestor.b@crawl.test Impressora não imprime Vera Vizinha')).toEqual([]);
  });
});

describe('the write rules', () => {
  it('allow a tenant’s own rows and the support and migration teams’ own tables only', () => {
    expect(mayWrite({ kind: 'member', clinics: new Set([1001]), resellers: new Set([1]) }, 'public.memberships', { reseller: 1, clinic: 1002 })).toBe(false);
    expect(mayWrite({ kind: 'member', clinics: new Set([1001]), resellers: new Set([1]) }, 'public.memberships', { reseller: 1, clinic: 1001 })).toBe(true);
    expect(mayWrite({ kind: 'reseller', reseller: 1 }, 'public.clinics', { reseller: 2, clinic: 2001 })).toBe(false);
    expect(mayWrite({ kind: 'support', grants: new Set() }, 'support_access.access_requests', { reseller: 2, clinic: 2001 })).toBe(true);
    expect(mayWrite({ kind: 'support', grants: new Set() }, 'public.memberships', { reseller: 2, clinic: 2001 })).toBe(false);
    expect(mayWrite({ kind: 'team' }, 'migration.requests', { reseller: 2, clinic: 2001 })).toBe(true);
    expect(mayWrite({ kind: 'team' }, 'support.tickets', { reseller: 2, clinic: 2001 })).toBe(false);
  });
});

describe('the page reader', () => {
  it('collects links, GET forms as URLs, POST forms with the values a browser sends, htmx requests and uploads', () => {
    const html = `
      <a href="/usuarios/12">Ver</a> <a href="https://example.com/x">fora</a> <a href="#topo">topo</a>
      <form method="get" action="/bases"><input name="q" value="Norte"><select name="situacao"><option value="ativas">A</option><option value="todas" selected>T</option></select></form>
      <form method="post" action="/usuarios/12/vinculos"><input type="hidden" name="base" value="1001"><input type="checkbox" name="x" value="1" checked><input type="checkbox" name="y" value="1">
        <textarea name="nota">oi &amp; tchau</textarea><select name="perfil"><option value="medico">Médico</option></select><button type="submit" name="acao" value="salvar">Salvar</button></form>
      <button hx-post="/notificacoes/marcar-lidas" hx-vals='{"todas": 1}'>Marcar</button><div hx-get="/tarefas/abc?x=1"></div>
      <form method="post" action="/bases/importar" enctype="multipart/form-data"><input type="file" name="arquivo"></form>`;
    expect(targetsOf(html, '/pagina')).toEqual([
      { method: 'GET', url: '/usuarios/12', via: 'link' },
      { method: 'GET', url: '/bases?q=Norte&situacao=todas', via: 'form' },
      {
        method: 'POST',
        url: '/usuarios/12/vinculos',
        fields: [
          ['base', '1001'],
          ['x', '1'],
          ['nota', 'oi & tchau'],
          ['perfil', 'medico'],
          ['acao', 'salvar'],
        ],
        via: 'form',
      },
      { method: 'POST', url: '/notificacoes/marcar-lidas', fields: [['todas', '1']], via: 'hx-post' },
      { method: 'GET', url: '/tarefas/abc?x=1', via: 'hx-get' },
      { method: 'POST', url: '/bases/importar', fields: [], files: ['arquivo'], via: 'form' },
    ]);
  });
});
