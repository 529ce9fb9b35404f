/** Secondary navigation between the support screens of one kind of user. */
type Tab = { id: string; label: string; href: string };

const tabs: Record<'agent' | 'team', Tab[]> = {
  agent: [
    { id: 'fila', label: 'Fila de suporte', href: '/p/support/fila' },
    { id: 'risco', label: 'Risco de violação', href: '/p/support/risco' },
    { id: 'indicadores', label: 'Indicadores', href: '/p/support/indicadores' },
  ],
  team: [
    { id: 'singular', label: 'Fila da singular', href: '/p/support/singular?fila=singular' },
    { id: 'todos', label: 'Todos os chamados', href: '/p/support/singular?fila=todos' },
    { id: 'risco', label: 'Risco de violação', href: '/p/support/risco' },
    { id: 'quadro', label: 'Quadro de bugs e melhorias', href: '/p/support/quadro' },
    { id: 'indicadores', label: 'Indicadores', href: '/p/support/indicadores' },
    { id: 'configuracoes', label: 'Configurações', href: '/p/support/configuracoes' },
  ],
};

export function SupportTabs(props: { current: string; kind: 'agent' | 'team' }) {
  return (
    <nav class="sup-tabs" aria-label="Telas do suporte">
      <ul>
        {tabs[props.kind].map((t) => (
          <li>
            <a href={t.href} aria-current={t.id === props.current ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
