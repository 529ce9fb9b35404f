import { formatDate } from '@painel/core/plugin';
import { BOARD_COLUMNS, boardColumnLabel, boardColumnShort, categoryLabel, moduleLabel, type SystemModule } from '../domain/vocabulary.ts';
import type { BoardCard } from './board-queries.ts';

export const BOARD_ID = 'sup-board';
/** Cards shown in the "resolvido" and "recusado" columns (the most recent). */
export const FINISHED_SHOWN = 8;

function CardMoveForm({ card }: { card: BoardCard }) {
  const action = `/p/support/quadro/${card.id}`;
  return (
    <form method="post" action={action} hx-post={action} hx-target={`#${BOARD_ID}`} hx-swap="outerHTML" class="sup-card-move">
      <label class="sup-sr-only" for={`col-${card.id}`}>
        Mover o card do chamado #{card.ticketId} para
      </label>
      <select id={`col-${card.id}`} name="coluna">
        {BOARD_COLUMNS.map((col) => (
          <option value={col} selected={col === card.column}>
            {boardColumnShort[col]}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary outline">
        Mover
      </button>
    </form>
  );
}

/** The board: one column per stage, cards with a move form each (htmx swaps the board in place). */
export function Board({ cards, flash }: { cards: BoardCard[]; flash?: string | undefined }) {
  return (
    <div id={BOARD_ID} class="sup-board-wrap">
      {flash && (
        <p class="flash flash-success" role="status">
          {flash}
        </p>
      )}
      <div class="sup-board" data-testid="board">
        {BOARD_COLUMNS.map((col) => {
          const all = cards.filter((c) => c.column === col);
          // Finished columns show the most recently moved cards first, and only the latest few.
          const finished = col === 'resolvido' || col === 'recusado';
          const list = finished ? [...all].reverse().slice(0, FINISHED_SHOWN) : all;
          return (
            <section class={`sup-col sup-col-${col}`} aria-labelledby={`col-title-${col}`} data-column={col}>
              <h2 id={`col-title-${col}`}>
                {boardColumnLabel[col]} <span class="badge badge-muted">{all.length}</span>
              </h2>
              {list.length === 0 ? (
                <p class="muted small sup-col-empty">Nenhum card.</p>
              ) : (
                <ul>
                  {list.map((card) => (
                    <li class="sup-card" data-card={card.id}>
                      <p class="sup-card-kind">
                        <span class={`badge ${card.category === 'erro' ? 'badge-danger' : 'badge-info'}`}>{categoryLabel[card.category]}</span>{' '}
                        <span class="muted small">{moduleLabel[card.module as SystemModule] ?? card.module}</span>
                      </p>
                      <p class="sup-card-title">
                        <a href={`/p/support/chamados/${card.ticketId}`}>
                          <span class="mono">#{card.ticketId}</span> {card.subject}
                        </a>
                      </p>
                      <p class="muted small">
                        {card.clinicName} · id {card.clinicId} · aberto em {formatDate(card.openedAt)}
                      </p>
                      <CardMoveForm card={card} />
                    </li>
                  ))}
                </ul>
              )}
              {all.length > list.length && (
                <p class="muted small sup-col-more">
                  + {all.length - list.length} {all.length - list.length === 1 ? 'card mais antigo' : 'cards mais antigos'}
                </p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
