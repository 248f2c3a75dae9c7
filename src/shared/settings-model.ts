/** How mentions are marked on pages. */
export type HighlightStyle = 'underline' | 'background';

/** Everything the reader can set; stored in `storage.local`, never synced to an account. */
export interface Settings {
  /** Off everywhere ("pause"). */
  paused: boolean;
  /** Host names where Counterpoint is off. */
  disabledSites: string[];
  /** How long the pointer rests on a mention before the card shows, in ms. */
  hoverDelay: number;
  highlightStyle: HighlightStyle;
  /** People and event ids not to mark. */
  hiddenEntities: string[];
  /** Mark every mention instead of the quiet default (a first mention, then every few paragraphs). */
  markEvery: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  disabledSites: [],
  hoverDelay: 500,
  highlightStyle: 'underline',
  hiddenEntities: [],
  markEvery: false,
};

/** Bounds of the hover delay setting, in ms. */
export const HOVER_DELAY_RANGE = { min: 150, max: 2000 } as const;

/** Normalises a host name the way the site switch stores it ("www." is the same site). */
export function siteKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** Whether Counterpoint runs on `host` under `settings`. */
export function isEnabledOn(settings: Settings, host: string): boolean {
  return !settings.paused && !settings.disabledSites.includes(siteKey(host));
}

/** Turns the site switch for `host` on or off, returning new settings. */
export function withSite(settings: Settings, host: string, enabled: boolean): Settings {
  const key = siteKey(host);
  const rest = settings.disabledSites.filter((s) => s !== key);
  return { ...settings, disabledSites: enabled ? rest : [...rest, key].sort() };
}

/**
 * Repairs whatever is in storage into valid settings: unknown keys dropped, wrong types
 * replaced by defaults. Storage can hold an older version's or a hand-edited value.
 */
export function normaliseSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const strings = (x: unknown): string[] =>
    Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
  const delay =
    typeof v.hoverDelay === 'number' && Number.isFinite(v.hoverDelay)
      ? Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, Math.round(v.hoverDelay)))
      : DEFAULT_SETTINGS.hoverDelay;
  return {
    paused: typeof v.paused === 'boolean' ? v.paused : DEFAULT_SETTINGS.paused,
    disabledSites: [...new Set(strings(v.disabledSites).map(siteKey))].sort(),
    hoverDelay: delay,
    highlightStyle:
      v.highlightStyle === 'background' || v.highlightStyle === 'underline'
        ? v.highlightStyle
        : DEFAULT_SETTINGS.highlightStyle,
    hiddenEntities: [...new Set(strings(v.hiddenEntities))].sort(),
    markEvery: typeof v.markEvery === 'boolean' ? v.markEvery : DEFAULT_SETTINGS.markEvery,
  };
}
