import { isOneOf, PRIORITIES, priorityLabel, type Priority, STATUSES, statusLabel, type TicketStatus } from '../domain/vocabulary.ts';

export interface ListQuery {
  status: TicketStatus | 'abertos' | undefined;
  priority: Priority | 'sem' | undefined;
  q: string;
  page: number;
}

/** Reads the list filters from the query string (unknown values are ignored). */
export function readListQuery(query: (name: string) => string | undefined, defaultStatus: 'abertos' | undefined): ListQuery {
  const rawStatus = query('situacao');
  const status =
    rawStatus === 'todas' ? undefined : rawStatus === 'abertos' ? 'abertos' : isOneOf(STATUSES, rawStatus) ? rawStatus : defaultStatus;
  const rawPriority = query('prioridade');
  const priority = rawPriority === 'sem' ? 'sem' : isOneOf(PRIORITIES, rawPriority) ? rawPriority : undefined;
  const q = (query('q') ?? '').trim().slice(0, 100);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(query('pagina') ?? '1', 10) || 1));
  return { status, priority, q, page };
}

export function queryString(q: ListQuery, page: number, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams(extra);
  p.set('situacao', q.status ?? 'todas');
  if (q.priority) p.set('prioridade', q.priority);
  if (q.q) p.set('q', q.q);
  if (page > 1) p.set('pagina', String(page));
  return `?${p.toString()}`;
}

/** GET filter form (works without JS). */
export function ListFilters(props: { action: string; query: ListQuery; withPriority: boolean; hidden?: Record<string, string> }) {
  const q = props.query;
  return (
    <form method="get" action={props.action} class="search-form sup-filters" role="search">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <label>
        Situação
        <select name="situacao">
          <option value="abertos" selected={q.status === 'abertos'}>
            Em aberto
          </option>
          <option value="todas" selected={q.status === undefined}>
            Todas
          </option>
          {STATUSES.map((s) => (
            <option value={s} selected={q.status === s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
      </label>
      {props.withPriority && (
        <label>
          Prioridade
          <select name="prioridade">
            <option value="">Todas</option>
            <option value="sem" selected={q.priority === 'sem'}>
              Sem triagem
            </option>
            {PRIORITIES.map((p) => (
              <option value={p} selected={q.priority === p}>
                {priorityLabel[p]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Buscar
        <input type="search" name="q" value={q.q} placeholder="Nº do chamado, id da base ou assunto" />
      </label>
      <button type="submit">Filtrar</button>
    </form>
  );
}
