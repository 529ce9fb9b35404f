import { describe, expect, it } from 'vitest';
import { type Actor, scopeOf } from './actor.ts';
import { decide, decideDataClass, reaches } from './policy.ts';

const user = (kind: NonNullable<Actor['user']>['kind'], resellerId: number | null = null) => ({
  id: 1,
  email: 'x@demo.test',
  name: 'X',
  kind,
  resellerId,
});
const centro = { resellerId: 1, clinicId: 1001, name: 'Centro', resellerName: 'Demo', via: 'membership' as const };

const actor = (partial: Partial<Actor>): Actor => ({
  user: null,
  sessionId: 's',
  memberships: [],
  activeClinic: null,
  supportGrant: null,
  ...partial,
});

const medico = actor({
  user: user('clinic_user'),
  memberships: [{ resellerId: 1, clinicId: 1001, clinicName: 'Centro', role: 'medico' }],
  activeClinic: centro,
});
const secretaria = actor({
  user: user('clinic_user'),
  memberships: [{ resellerId: 1, clinicId: 1001, clinicName: 'Centro', role: 'secretaria' }],
  activeClinic: centro,
});
const resellerAdmin = actor({ user: user('reseller_admin', 1), activeClinic: { ...centro, via: 'reseller_admin' } });
const platformAdmin = actor({ user: user('platform_admin'), activeClinic: { ...centro, via: 'platform_admin' } });
const supportInside = actor({
  user: user('support_agent'),
  activeClinic: { ...centro, via: 'support_grant' },
  supportGrant: { id: 9, endsAt: new Date('2030-01-01') },
});

const migrationTeam = actor({ user: user('migration_team') });

describe('policy', () => {
  it('gives the migration team its own area, no tenant reach, no prontuário and a scope with no core tenant rows', () => {
    expect(decide(migrationTeam, 'migration.team').kind).toBe('allow');
    for (const other of [medico, resellerAdmin, platformAdmin, supportInside]) expect(decide(other, 'migration.team').kind).toBe('forbidden');
    expect(decide(actor({}), 'migration.team').kind).toBe('login');
    expect(reaches(migrationTeam, { resellerId: 1, clinicId: 1001 })).toBe(false);
    expect(decide(migrationTeam, 'reseller.manage').kind).toBe('forbidden');
    expect(decide(migrationTeam, 'platform.admin').kind).toBe('forbidden');
    expect(decideDataClass(migrationTeam, 'ehr').kind).toBe('forbidden');
    expect(scopeOf(migrationTeam)).toEqual({ kind: 'user', userId: 1 });
  });

  it('denies by default: unknown permissions and anonymous actors', () => {
    expect(decide(medico, 'no.such.permission').kind).toBe('forbidden');
    expect(decide(actor({}), 'authenticated').kind).toBe('login');
    expect(decide(actor({}), 'public').kind).toBe('allow');
  });

  it('lets only clinic members with a clinical role reach ehr', () => {
    expect(decideDataClass(medico, 'ehr').kind).toBe('allow');
    expect(decideDataClass(secretaria, 'ehr').kind).toBe('forbidden');
    expect(decideDataClass(resellerAdmin, 'ehr').kind).toBe('forbidden');
    expect(decideDataClass(platformAdmin, 'ehr').kind).toBe('forbidden');
    expect(decideDataClass(supportInside, 'ehr').kind).toBe('forbidden');
    const medicoWithGrant = { ...medico, supportGrant: { id: 1, endsAt: new Date() } };
    expect(decideDataClass(medicoWithGrant, 'ehr').kind).toBe('forbidden');
    for (const a of [secretaria, resellerAdmin, platformAdmin, supportInside]) {
      expect(decideDataClass(a, 'general').kind).toBe('allow');
      expect(decideDataClass(a, 'personal').kind).toBe('allow');
    }
  });

  it('answers 404 for another tenant and keeps reseller admins inside their reseller', () => {
    expect(reaches(resellerAdmin, { resellerId: 1, clinicId: 1003 })).toBe(true);
    expect(reaches(resellerAdmin, { resellerId: 2, clinicId: 2001 })).toBe(false);
    expect(decide(resellerAdmin, 'reseller.manage', { resellerId: 2 }).kind).toBe('not_found');
    expect(decide(medico, 'clinic.work', { resellerId: 1, clinicId: 1002 }).kind).toBe('not_found');
    expect(reaches(supportInside, { resellerId: 1, clinicId: 1001 })).toBe(true);
    expect(reaches(supportInside, { resellerId: 1, clinicId: 1002 })).toBe(false);
    expect(reaches({ ...supportInside, supportGrant: null }, { resellerId: 1, clinicId: 1001 })).toBe(false);
  });

  it('reserves clinic.gestor for the gestor of the active base', () => {
    const gestor = actor({
      user: user('clinic_user'),
      memberships: [{ resellerId: 1, clinicId: 1001, clinicName: 'Centro', role: 'gestor' }],
      activeClinic: centro,
    });
    expect(decide(gestor, 'clinic.gestor').kind).toBe('allow');
    expect(decide(medico, 'clinic.gestor').kind).toBe('forbidden');
    expect(decide(resellerAdmin, 'clinic.gestor').kind).toBe('forbidden');
    expect(decide(resellerAdmin, 'clinic.manage').kind).toBe('allow');
  });
});
