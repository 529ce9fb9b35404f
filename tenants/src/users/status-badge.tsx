import type { UserStatus } from './users-queries.ts';

const labels: Record<UserStatus, [string, string]> = {
  active: ['Ativo', 'badge-ok'],
  invited: ['Convite pendente', 'badge-warn'],
  inactive: ['Desativado', 'badge-muted'],
};

export const userStatusLabel = (status: UserStatus): string => labels[status][0];

export function UserStatusBadge(props: { status: UserStatus }) {
  const [label, tone] = labels[props.status];
  return (
    <span class={`badge ${tone}`} data-testid="user-status">
      {label}
    </span>
  );
}
