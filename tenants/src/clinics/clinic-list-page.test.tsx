import { StatusBadge } from '@painel/core/module';
import { describe, expect, it } from 'vitest';
import { formatCnpj } from '../parsing/index.ts';
import { RowActions } from './admin-ui.tsx';
import { clinicRow } from './clinic-list-page.tsx';
import type { ClinicListRow } from './clinic-store.ts';

/** The row as JSX composes it from the shared components: what clinicRow's template must keep writing. */
function RowAsJsx({ row, showReseller }: { row: ClinicListRow; showReseller: boolean }) {
  const place = [row.city, row.uf].filter(Boolean).join(' / ');
  return (
    <tr data-testid="clinic-row" data-base-id={String(row.id)}>
      <td class="mono">{row.id}</td>
      <td>
        <a href={`/bases/${row.id}`} class="row-title">
          {row.name}
        </a>
      </td>
      {showReseller && (
        <td class="small reseller-cell">
          {row.resellerName}
          <span class="muted mono">{row.resellerCode}</span>
        </td>
      )}
      <td class="mono nowrap">{row.cnpj ? formatCnpj(row.cnpj) : <span class="muted">—</span>}</td>
      <td>{place ? <span>{place}</span> : <span class="muted">—</span>}</td>
      <td>
        <StatusBadge active={row.status === 'active'} />
      </td>
      <td>
        <RowActions href={`/bases/${row.id}`} name={row.name} active={row.status === 'active'} />
      </td>
    </tr>
  );
}

const row = (overrides: Partial<ClinicListRow>): ClinicListRow => ({
  resellerId: 3,
  id: 1001,
  name: 'Clínica Centro',
  cnpj: '11222333000181',
  city: 'São Paulo',
  uf: 'SP',
  status: 'active',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  resellerCode: '0202',
  resellerName: 'Singular Demo',
  ...overrides,
});

describe('clinicRow', () => {
  const rows = [
    row({}),
    row({ id: 1002, status: 'inactive', cnpj: null, city: null, uf: null }),
    row({ id: 1003, name: `<script>"Zé" & 'Cia'</script>`, city: 'Goiânia', uf: null, resellerName: 'Singular <Sul> & "Cia"' }),
    row({ id: 1004, city: null, uf: 'GO' }),
  ];

  for (const showReseller of [false, true]) {
    it(`writes the same markup as the shared components${showReseller ? ', with the singular column' : ''}`, () => {
      for (const r of rows) expect(String(clinicRow(r, showReseller))).toBe(String(<RowAsJsx row={r} showReseller={showReseller} />));
    });
  }

  it('escapes what the base and the singular are named', () => {
    const written = String(clinicRow(rows[2]!, true));
    expect(written).not.toContain('<script>');
    expect(written).toContain('&lt;script&gt;&quot;Zé&quot; &amp; &#39;Cia&#39;&lt;/script&gt;');
    expect(written).toContain('Singular &lt;Sul&gt; &amp; &quot;Cia&quot;');
  });
});
