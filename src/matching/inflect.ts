/**
 * A language's inflection of names, as data (assets/reference/languages.json): the case forms a
 * page may use ("Путина", "Путину", "Путиным") are generated from the base form, so the data
 * lists each name once and the matcher still sees every form as a plain string.
 */
export interface InflectionRule {
  /** Word endings the rule applies to (first matching rule wins, in data order). */
  endings: string[];
  /** How many final characters to drop before adding a case ending. */
  strip: number;
  /** One entry per case: the endings that case may take (alternatives, e.g. "ом"/"ым"). */
  cases: string[][];
}

/** What the generator needs to know of a language. */
export interface InflectionData {
  inflection?: InflectionRule[];
  /** Words that never change (prepositions, abbreviations). */
  indeclinable?: string[];
  /**
   * Which words of a name take the ending: every word, agreeing in case (Russian "Владимира
   * Путина"), or only the last (German genitive "Wladimir Putins"). Default: every word.
   */
  agreement?: 'all' | 'last';
}

/** Separators between the words of a name (same as the matcher's gap, plus nothing else). */
const SPLIT = /([\s\u00A0\u202F\-\u2010-\u2013]+)/;

/** The case endings of one word, or null when no rule applies (or it is indeclinable). */
function wordCases(word: string, rules: InflectionRule[], fixed: Set<string>): string[][] | null {
  if (fixed.has(word)) return null;
  const rule = rules.find((r) => r.endings.some((e) => word.endsWith(e)));
  if (!rule) return null;
  const stem = word.slice(0, word.length - rule.strip);
  return rule.cases.map((alts) => alts.map((a) => stem + a));
}

/**
 * Every inflected form of `form` (the base form first). The words of a multi-word name agree
 * in case ("Владимира Путина", never "Владимира Путину"): case i of each word is combined with
 * case i of the others; alternatives of one case multiply.
 */
export function inflect(form: string, data: InflectionData, indeclinable: string[] = []): string[] {
  const rules = data.inflection ?? [];
  if (rules.length === 0) return [form];
  const fixed = new Set([...(data.indeclinable ?? []), ...indeclinable]);
  const parts = form.split(SPLIT);
  // Odd indices are separators; even ones words.
  const last = data.agreement === 'last' ? parts.length - 1 : -1;
  const perWord = parts.map((p, i) =>
    i % 2 === 0 && (last < 0 || i === last) ? wordCases(p, rules, fixed) : null,
  );
  const count = Math.max(0, ...perWord.map((c) => c?.length ?? 0));
  const out = new Set([form]);
  for (let c = 0; c < count; c++) {
    let variants = [''];
    parts.forEach((p, i) => {
      const alts = perWord[i]?.[c] ?? [p];
      variants = variants.flatMap((v) => alts.map((a) => v + a));
    });
    for (const v of variants) out.add(v);
  }
  return [...out];
}
