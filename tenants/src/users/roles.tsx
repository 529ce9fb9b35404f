import { type MembershipRole, membershipRoles, t } from '@painel/core/module';

/** pt-BR name of a membership role ("Secretária"). */
export function roleLabel(role: MembershipRole): string {
  return t(`membership.${role}`);
}

export function isMembershipRole(value: unknown): value is MembershipRole {
  return typeof value === 'string' && (membershipRoles as readonly string[]).includes(value);
}

/** <option>s for a role <select>, the given one selected. */
export function RoleOptions(props: { selected?: MembershipRole | undefined }) {
  return (
    <>
      {membershipRoles.map((role) => (
        <option value={role} selected={role === props.selected}>
          {roleLabel(role)}
        </option>
      ))}
    </>
  );
}
