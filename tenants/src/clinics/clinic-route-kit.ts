/** What the "Bases clínicas" routes share: route metadata, URL parameters, lookups and form mapping. */
import { type AppEnv, type CoreServices, HttpError } from '@painel/core/module';
import type { Context } from 'hono';
import { formatCnpj } from '../parsing/index.ts';
import { findResellerByCode, findResellerById, type Reseller } from '../resellers/reseller-store.ts';
import { type ClinicAdmin, ownResellerId } from './admin-scope.ts';
import { formText, type SelectOption } from './admin-ui.tsx';
import type { ClinicFormInput, readClinicForm } from './clinic-form.ts';
import { listHref } from './clinic-list-page.tsx';
import { type ClinicFields, type ClinicListRow, findClinic } from './clinic-store.ts';
import { auditDenied } from './request-audit.ts';

export const CLINIC_PAGE_SIZE = 50;
export const GENERATED_ID_ATTEMPTS = 20;

export type Ctx = Context<AppEnv>;

export const meta = (screen: string) => ({ permission: 'reseller.manage', dataClass: 'general', screen }) as const;

export function resellerOption(r: Pick<Reseller, 'code' | 'name'>): SelectOption {
  return { value: r.code, label: `${r.name} (${r.code})` };
}

/** The base id in the URL, or 404 for anything that is not one. */
export function baseIdParam(c: Ctx): number {
  const text = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(text)) throw new HttpError(404);
  return Number(text);
}

/** The singular chosen with `?singular=` (platform admins); null = all. Unknown code → 404. */
export async function chosenReseller(c: Ctx, admin: ClinicAdmin, code: string): Promise<Reseller | null> {
  return c.get('tx')(async (tx) => {
    if (admin.kind === 'reseller') return findResellerById(tx, admin.resellerId);
    if (code === '') return null;
    const reseller = await findResellerByCode(tx, code);
    if (!reseller) throw new HttpError(404);
    return reseller;
  });
}

/** A base the actor manages, else an audited 404 (no difference between "another singular's" and "none"). */
export async function managedClinic(services: CoreServices, c: Ctx, admin: ClinicAdmin, id: number): Promise<ClinicListRow> {
  const clinic = await c.get('tx')((tx) => findClinic(tx, id, ownResellerId(admin)));
  if (!clinic) {
    await auditDenied(services, c, { baseId: id });
    throw new HttpError(404);
  }
  return clinic;
}

export function clinicFields(value: ReturnType<typeof readClinicForm>['value']): ClinicFields {
  return { name: value.name, cnpj: value.cnpj, city: value.city, uf: value.uf };
}

export function formInput(body: Record<string, unknown>): ClinicFormInput {
  return {
    name: formText(body, 'name'),
    baseId: formText(body, 'baseId'),
    cnpj: formText(body, 'cnpj'),
    city: formText(body, 'city'),
    uf: formText(body, 'uf'),
  };
}

export function clinicInput(clinic: ClinicListRow): ClinicFormInput {
  return { name: clinic.name, cnpj: clinic.cnpj ? formatCnpj(clinic.cnpj) : '', city: clinic.city ?? '', uf: clinic.uf ?? '' };
}

export const takenIdMessage = (id: number) => `O id da base ${id} já está em uso. Escolha outro ou deixe em branco para gerar um.`;
export const takenCnpjMessage = 'Este CNPJ já está cadastrado em outra base clínica.';

/** Where to go after a change: the list, filtered to the base (and its singular, for platform admins). */
export function afterChangeHref(admin: ClinicAdmin, clinic: { id: number; resellerCode: string }): string {
  return listHref({ q: String(clinic.id), status: 'all', singular: admin.kind === 'platform' ? clinic.resellerCode : '' });
}
