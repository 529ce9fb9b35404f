/** A viability report (one file or the whole request): figures, errors by kind with masked samples, warnings. */
import { formatNumber, formatPercent } from '@painel/core/plugin';
import { ENTITIES, isEntityKey } from '../prevalidation/entities.ts';
import { ERROR_LABELS, type ErrorKind, WARNING_LABELS, type WarningKind } from '../prevalidation/kinds.ts';
import type { Sample } from '../prevalidation/report.ts';

export interface ReportFigures {
  rows: number;
  valid: number;
  validPercent: number;
  errors: Partial<Record<ErrorKind, number>>;
  warnings: Partial<Record<WarningKind, number>>;
  samples?: Partial<Record<ErrorKind, Sample[]>>;
}

export function Figures(props: { report: ReportFigures }) {
  const { rows, valid, validPercent } = props.report;
  return (
    <dl class="mig-figures" data-testid="report-figures">
      <div>
        <dt>Linhas</dt>
        <dd data-testid="rows">{formatNumber(rows)}</dd>
      </div>
      <div>
        <dt>Linhas válidas</dt>
        <dd data-testid="valid">{formatNumber(valid)}</dd>
      </div>
      <div>
        <dt>Válidas</dt>
        <dd data-testid="valid-percent">{formatPercent(validPercent)}</dd>
      </div>
      <div>
        <dt>Linhas com erro</dt>
        <dd data-testid="invalid">{formatNumber(rows - valid)}</dd>
      </div>
    </dl>
  );
}

const fieldLabel = (entity: string | undefined, key: string) => (entity && isEntityKey(entity) ? (ENTITIES[entity].fields.find((f) => f.key === key)?.label ?? key) : key);

export function ErrorsTable(props: { report: ReportFigures; entity?: string }) {
  const kinds = Object.entries(props.report.errors).filter(([, n]) => (n ?? 0) > 0) as Array<[ErrorKind, number]>;
  if (kinds.length === 0) return <p data-testid="no-errors">Nenhuma linha com erro.</p>;
  return (
    <div class="mig-table-wrap">
      <table data-testid="errors-table">
        <caption class="visually-hidden">Erros por tipo</caption>
        <thead>
          <tr>
            <th scope="col">Erro</th>
            <th scope="col">Linhas</th>
            {props.report.samples && <th scope="col">Exemplos (linha do arquivo: motivo)</th>}
          </tr>
        </thead>
        <tbody>
          {kinds.map(([kind, n]) => (
            <tr data-kind={kind}>
              <td>{ERROR_LABELS[kind]}</td>
              <td>{formatNumber(n)}</td>
              {props.report.samples && (
                <td>
                  <ul class="small">
                    {(props.report.samples[kind] ?? []).map((s) => (
                      <li>
                        linha {formatNumber(s.line)}: {s.reason}
                        {s.reason.includes(fieldLabel(props.entity, s.field)) ? '' : ` (${fieldLabel(props.entity, s.field)})`}
                      </li>
                    ))}
                  </ul>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WarningsList(props: { report: ReportFigures }) {
  const kinds = Object.entries(props.report.warnings).filter(([, n]) => (n ?? 0) > 0) as Array<[WarningKind, number]>;
  if (kinds.length === 0) return null;
  return (
    <>
      <h3>Avisos (não impedem a importação)</h3>
      <ul data-testid="warnings">
        {kinds.map(([kind, n]) => (
          <li data-kind={kind}>
            {WARNING_LABELS[kind]}: {formatNumber(n)} {n === 1 ? 'linha' : 'linhas'}
          </li>
        ))}
      </ul>
    </>
  );
}
