/** The leak check of one response: values of tenants the actor may not see, in the text a person reads. */
import { type TenantValues, visibleText } from './tenant-values.ts';
import { maySee, type Profile } from './visibility.ts';

/** Values the body shows whose owners the actor may not see; values in `sent` (what the actor itself sent) excepted. */
export function leaksIn(body: string, values: TenantValues, profile: Profile, sent: string): string[] {
  if (profile.kind === 'platform') return [];
  const text = visibleText(body);
  const out: string[] = [];
  for (const [value, owners] of values) {
    if (text.includes(value) && !sent.includes(value) && !owners.some((o) => maySee(profile, o))) out.push(value);
  }
  return out;
}
