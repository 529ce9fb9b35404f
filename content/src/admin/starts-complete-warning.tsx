import { plural } from '@painel/core/module';
import { defaultProgress, startsComplete } from '../tracks/starts-complete.ts';
import type { ParsedTrack } from '../validation/index.ts';

/** Warns, before publishing, that every task is `"efetuada": true`: the track would start at 100 %. */
export function StartsCompleteWarning(props: { track: ParsedTrack }) {
  if (!startsComplete(props.track)) return null;
  const { total } = defaultProgress(props.track);
  return (
    <div class="flash flash-error" role="note" data-testid="starts-complete">
      <strong>Atenção: esta trilha começa em 100 %.</strong>{' '}
      {total === 1 ? 'A única tarefa está marcada' : `Todas as ${plural(total, { one: 'tarefa', other: 'tarefas' })} estão marcadas`} com{' '}
      <code>"efetuada": true</code>, então, ao publicar, os usuários a verão concluída sem nada a fazer. Se não for isso, envie uma nova versão
      com <code>"efetuada": false</code> nas tarefas que eles devem assistir.
    </div>
  );
}
