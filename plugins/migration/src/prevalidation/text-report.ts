/** The viability report as pt-BR text (the CLI without --json). */
import { formatNumber as n, formatPercent as pct } from '@painel/core/plugin';
import { ENTITIES } from './entities.ts';
import { ERROR_LABELS, type ErrorKind, WARNING_LABELS, type WarningKind } from './kinds.ts';
import { type FileReport, total } from './report.ts';

const delimiterName: Record<string, string> = { ';': 'ponto e vírgula (;)', ',': 'vírgula (,)', '\t': 'tabulação', '|': 'barra vertical (|)' };

export function textReport(files: readonly FileReport[]): string {
  const out: string[] = ['Relatório de viabilidade', ''];
  for (const f of files) {
    out.push(`${f.file} — ${ENTITIES[f.entity].label}`);
    const reading = f.format === 'csv' ? `CSV, ${f.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}, separador ${delimiterName[f.delimiter ?? ''] ?? f.delimiter}` : f.format.toUpperCase();
    out.push(`  Leitura: ${reading}`);
    out.push(`  Linhas: ${n(f.rows)} · válidas: ${n(f.valid)} (${pct(f.validPercent)})`);
    out.push('  Mapeamento:');
    for (const m of f.mapping.columns) out.push(`    "${m.column}" → ${ENTITIES[f.entity].fields.find((x) => x.key === m.field)?.label ?? m.field} (confiança ${Math.round(m.confidence * 100)}%)`);
    if (f.mapping.unmapped.length) out.push(`    Colunas sem campo: ${f.mapping.unmapped.map((c) => `"${c}"`).join(', ')}`);
    const errors = Object.entries(f.errors) as Array<[ErrorKind, number]>;
    if (errors.length) {
      out.push('  Erros (linhas):');
      for (const [kind, rows] of errors) {
        out.push(`    ${ERROR_LABELS[kind]}: ${n(rows)}`);
        for (const s of f.samples[kind] ?? []) out.push(`      linha ${s.line}: ${s.reason}`);
      }
    } else out.push('  Nenhum erro.');
    const warnings = Object.entries(f.warnings) as Array<[WarningKind, number]>;
    if (warnings.length) {
      out.push('  Avisos (linhas):');
      for (const [kind, rows] of warnings) out.push(`    ${WARNING_LABELS[kind]}: ${n(rows)}`);
    }
    if (f.unchecked.length) out.push(`  Referências não verificadas (arquivo não enviado): ${f.unchecked.map((e) => ENTITIES[e].label.toLowerCase()).join(', ')}`);
    if (f.practitioners.length) {
      out.push(`  Profissionais citados, a associar aos usuários da base (${n(f.practitioners.length)}):`);
      for (const p of f.practitioners.slice(0, 20)) out.push(`    ${p.name} (${n(p.rows)} linhas)`);
      if (f.practitioners.length > 20) out.push(`    … e mais ${n(f.practitioners.length - 20)}`);
    }
    out.push('');
  }
  const t = total(files);
  out.push(`Total: ${n(t.rows)} linhas, ${n(t.valid)} válidas (${pct(t.validPercent)})`);
  return `${out.join('\n')}\n`;
}
