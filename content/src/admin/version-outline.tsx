import type { ParsedTrack } from '../validation/index.ts';
import type { VersionDiff } from '../tracks/version-diff.ts';

/** The parsed content of a version, as an admin reviews it (flags, links, defaults). */
export function VersionOutline({ track }: { track: ParsedTrack }) {
  return (
    <ol class="outline" data-testid="version-outline">
      {track.achievements.map((a) => (
        <li>
          <strong>{a.description}</strong>{' '}
          {a.locked && <span class="badge badge-muted">bloqueada</span>}{' '}
          {a.notify && <span class="badge badge-info">notifica ao publicar</span>}
          <ul>
            {a.tasks.map((t) => (
              <li>
                {t.title}{' '}
                <small class="muted">
                  —{' '}
                  {t.link.kind === 'youtube' ? (
                    <>
                      vídeo do YouTube <code class="mono">{t.link.videoId}</code>
                    </>
                  ) : (
                    <>
                      artigo <a href={`/ajuda/${t.link.slug}`}>{t.link.slug}</a>
                    </>
                  )}
                  {t.doneByDefault ? ' · já começa concluída' : ''}
                </small>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** What publishing this version changes for clinic users compared with the published one. */
export function DiffSummary({ diff, against }: { diff: VersionDiff; against: number }) {
  if (diff.unchanged) return <p>O conteúdo é igual ao da versão {against}, publicada.</p>;
  const items: string[] = [];
  for (const a of diff.addedAchievements) items.push(`Nova conquista: “${a}”.`);
  for (const a of diff.removedAchievements) items.push(`Conquista retirada: “${a}” (o progresso nela fica guardado).`);
  for (const t of diff.addedTasks) items.push(`Nova tarefa em “${t.achievement}”: “${t.title}”.`);
  for (const t of diff.removedTasks) items.push(`Tarefa retirada de “${t.achievement}”: “${t.title}”.`);
  for (const t of diff.retitledTasks) items.push(`Título alterado: “${t.from}” → “${t.to}” (o progresso é mantido).`);
  for (const t of diff.changedLinks) items.push(`Vídeo ou artigo trocado em “${t.title}”.`);
  if (items.length === 0) items.push('Mudanças apenas em bloqueio, notificação, ordem ou tarefas já concluídas por padrão.');
  return (
    <>
      <p>Em relação à versão {against}, publicada:</p>
      <ul data-testid="version-diff">
        {items.map((i) => (
          <li>{i}</li>
        ))}
      </ul>
      {diff.reopened.length > 0 && (
        <p class="flash flash-info">
          Atenção: {diff.reopened.map((r) => `“${r}”`).join(', ')} {diff.reopened.length === 1 ? 'ganha' : 'ganham'} tarefas novas. Quem já
          tinha concluído vai ver a conquista reaberta depois de publicar.
        </p>
      )}
    </>
  );
}
