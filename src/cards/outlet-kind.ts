/** How an outlet is funded, in one word for the compact outlet line ("CNN · US · private"). */
export type OutletKind = 'state' | 'public' | 'private';

/**
 * The funding kind an outlet's ownership description states, or null when it states none we
 * recognise. The reference data and sidecars describe ownership in English words ("Russian
 * state-funded broadcaster", "UK public broadcaster", "US private newspaper"); an outlet
 * without such a word shows no kind, and its full description is still shown on demand.
 */
export function outletKind(ownership: string | null | undefined): OutletKind | null {
  if (!ownership) return null;
  const text = ownership.toLowerCase();
  if (/\b(state|government)\b/.test(text)) return 'state';
  if (/\bpublic\b/.test(text)) return 'public';
  if (/\b(private|commercial|independent|local)\b/.test(text)) return 'private';
  return null;
}
