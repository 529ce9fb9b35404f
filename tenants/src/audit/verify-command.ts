import { type Database, formatNumber, verifyAuditChain } from '@painel/core/module';

export interface VerifyOutcome {
  exitCode: 0 | 1;
  message: string;
}

const reasons = {
  hash: 'o conteúdo do registro não confere com o hash gravado: foi alterado depois de escrito',
  link: 'o registro não aponta para o hash do registro anterior: houve remoção, inserção ou troca de registros',
} as const;

/** Walks the whole hash chain of the audit log and says, in pt-BR, whether it is intact. */
export async function verifyAuditCommand(db: Database): Promise<VerifyOutcome> {
  const report = await verifyAuditChain(db);
  if (report.ok) return { exitCode: 0, message: `Cadeia de auditoria íntegra: ${formatNumber(report.rows)} registros.` };
  return {
    exitCode: 1,
    message: `Cadeia quebrada no registro id ${report.brokenAtId} (${reasons[report.reason]}). ${formatNumber(report.rows)} registros anteriores conferem.`,
  };
}
