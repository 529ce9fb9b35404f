/** Business hours with a decimal comma, one decimal place, e.g. 3,5 (empty when there is no value). */
export const hoursPtBr = (ms: number | null): string => (ms === null ? '' : (Math.round(ms / 360_000) / 10).toLocaleString('pt-BR'));
