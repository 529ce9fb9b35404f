/**
 * Every screen (route) declares what kind of data it shows (SPEC §5):
 * - general:  no personal data (lists of bases, settings, content);
 * - personal: personal data of users or patients, outside the clinical record;
 * - ehr:      the electronic health record (prontuário) — never reachable through a support grant,
 *             nor by reseller or platform admins.
 */
export const dataClasses = ['general', 'personal', 'ehr'] as const;
export type DataClass = (typeof dataClasses)[number];

export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (dataClasses as readonly string[]).includes(value);
}
