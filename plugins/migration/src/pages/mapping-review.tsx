/**
 * The mapping review: each column of the file with the field it feeds and how sure the automatic
 * matching was; low-confidence and unmatched columns are highlighted, every one can be changed, and
 * confirming saves the mapping (and the legacy system's template) and checks the file again with it.
 */
import { formatPercent } from '@painel/core/plugin';
import type { RequestFileRow } from '../files/file-rows.ts';
import { ENTITIES, isEntityKey } from '../prevalidation/entities.ts';
import { LOW_CONFIDENCE } from './file-labels.ts';

export function MappingReview(props: { file: RequestFileRow; action: string; canWrite: boolean; systemName: string; fromTemplate: boolean }) {
  const { file } = props;
  if (!isEntityKey(file.entity) || !file.header) return null;
  const fields = ENTITIES[file.entity].fields;
  const byIndex = new Map((file.mapping ?? []).map((m) => [m.index, m]));
  const confirmed = file.status === 'confirmado';
  const missing = fields.filter((f) => f.required && !(file.mapping ?? []).some((m) => m.field === f.key));
  const low = file.header.filter((_, i) => (byIndex.get(i)?.confidence ?? 0) < LOW_CONFIDENCE).length;
  return (
    <section class="card" id="mapeamento" aria-labelledby="mapeamento-title" data-testid="mapping-review">
      <h2 id="mapeamento-title" class="card-title">
        Mapeamento das colunas
      </h2>
      {confirmed ? (
        <p class="flash flash-success" data-testid="mapping-confirmed">
          Mapeamento confirmado por {file.confirmedByName}. Você pode alterá-lo e confirmar de novo.
        </p>
      ) : (
        <p>
          Confira a qual campo do Painel cada coluna do arquivo corresponde. {low > 0 ? <strong>{low === 1 ? '1 coluna precisa' : `${low} colunas precisam`} de atenção (destacadas).</strong> : null}
        </p>
      )}
      {props.fromTemplate && !confirmed && (
        <p class="muted" data-testid="template-note">
          Colunas associadas pelo modelo salvo para o sistema {props.systemName}: confira e confirme.
        </p>
      )}
      {missing.length > 0 && (
        <p class="flash flash-error" data-testid="missing-required">
          Campo obrigatório sem coluna: {missing.map((f) => f.label).join(', ')}. Todas as linhas ficam com erro até que uma coluna seja associada a {missing.length === 1 ? 'ele' : 'eles'}.
        </p>
      )}
      <form method="post" action={props.action}>
        <div class="mig-table-wrap">
          <table class="mig-mapping">
            <caption class="visually-hidden">Colunas do arquivo e campos do Painel</caption>
            <thead>
              <tr>
                <th scope="col">Coluna no arquivo</th>
                <th scope="col">Campo do Painel</th>
                <th scope="col">Confiança</th>
              </tr>
            </thead>
            <tbody>
              {file.header.map((column, i) => {
                const m = byIndex.get(i);
                const tone = !m ? 'mig-none' : m.confidence < LOW_CONFIDENCE ? 'mig-low' : '';
                return (
                  <tr class={tone} data-column={column} data-confidence={m ? String(m.confidence) : '0'}>
                    <th scope="row">
                      <label for={`campo-${i}`}>{column || `(coluna ${i + 1} sem nome)`}</label>
                    </th>
                    <td>
                      <select id={`campo-${i}`} name={`campo_${i}`} disabled={!props.canWrite}>
                        <option value="" selected={!m}>
                          — não importar —
                        </option>
                        {fields.map((f) => (
                          <option value={f.key} selected={m?.field === f.key}>
                            {f.label}
                            {f.required ? ' (obrigatório)' : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {!m ? (
                        <span class="badge badge-danger">Sem correspondência</span>
                      ) : m.confidence >= 1 && (confirmed || props.fromTemplate) ? (
                        <span class="badge badge-ok">{confirmed ? 'Confirmado' : 'Do modelo'}</span>
                      ) : m.confidence < LOW_CONFIDENCE ? (
                        <span class="badge badge-warn">Baixa: {formatPercent(m.confidence * 100)} — confira</span>
                      ) : (
                        <span class="badge badge-ok">{formatPercent(m.confidence * 100)}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {props.canWrite && <button type="submit">{confirmed ? 'Confirmar novamente e verificar' : 'Confirmar mapeamento e verificar'}</button>}
      </form>
    </section>
  );
}
