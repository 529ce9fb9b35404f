import { defineModule } from '@painel/core';

/** Onboarding content: conquistas tracks, the video panel and "Agendar um horário". */
export const contentModule = defineModule({
  id: 'content',
});
