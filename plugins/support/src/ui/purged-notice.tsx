import { PageHeader } from '@painel/core/plugin';

/** Shown instead of a file whose bytes the retention job deleted. */
export function PurgedNotice(props: { fileName: string; ticketId: number }) {
  return (
    <>
      <PageHeader title="Anexo removido" subtitle={props.fileName} />
      <p>
        Este anexo foi removido pela política de retenção de dados (LGPD): os arquivos de chamados fechados são apagados depois do
        prazo definido pela singular. As mensagens do chamado continuam disponíveis.
      </p>
      <p>
        <a href={`/p/support/chamados/${props.ticketId}`}>Voltar ao chamado #{props.ticketId}</a>
      </p>
    </>
  );
}
