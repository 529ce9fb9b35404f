import { formatDateTime } from '@painel/core/module';

/** The pt-BR e-mail a mailer will send (kept in core's mail_outbox; the app sends nothing itself). */
export function invitationMail(input: {
  name: string;
  clinicName: string;
  /** Null (with roleLabel) for an invitation to administer the singular named `clinicName`. */
  clinicId: number | null;
  roleLabel: string | null;
  link: string;
  expiresAt: Date;
  invitedBy: string;
}): { subject: string; body: string } {
  return {
    subject: `Convite para o Painel Singular — ${input.clinicName}`,
    body: [
      `Olá, ${input.name}!`,
      '',
      input.clinicId === null
        ? `${input.invitedBy} convidou você para administrar a singular ${input.clinicName} no Painel Singular.`
        : `${input.invitedBy} convidou você para acessar a base ${input.clinicName} (id ${input.clinicId}) no Painel Singular, com o perfil ${input.roleLabel}.`,
      '',
      'Para criar sua senha e entrar, abra o link abaixo:',
      input.link,
      '',
      `O link vale até ${formatDateTime(input.expiresAt)} (horário de Brasília) e só pode ser usado uma vez.`,
      'Se você não esperava este convite, ignore esta mensagem.',
    ].join('\n'),
  };
}
