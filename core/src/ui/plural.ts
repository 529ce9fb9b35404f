import { formatNumber } from './format.ts';

const rules = new Intl.PluralRules('pt-BR');

/** The words for one and for several, e.g. `{ one: 'usuário', other: 'usuários' }`. */
export interface PluralForms {
  one: string;
  other: string;
}

/**
 * The form that agrees with `count` in pt-BR, by CLDR's rules (1 and 1,5 → one; 2 → other), except that zero takes
 * the plural as written Brazilian Portuguese does ("0 usuários"), where CLDR's `pt` would give "0 usuário".
 */
export const pluralForm = (count: number, forms: PluralForms): string =>
  count !== 0 && rules.select(count) === 'one' ? forms.one : forms.other;

/** "1 usuário", "3 usuários", "1.200 usuários": the count, formatted, and the agreeing form. */
export const plural = (count: number, forms: PluralForms): string => `${formatNumber(count)} ${pluralForm(count, forms)}`;
