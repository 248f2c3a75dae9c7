import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isEnabledOn,
  normaliseSettings,
  withSite,
} from '../../../src/shared/settings-model';

describe('settings', () => {
  it('turns a site off and on, ignoring www.', () => {
    const off = withSite(DEFAULT_SETTINGS, 'www.Example.com', false);
    expect(off.disabledSites).toEqual(['example.com']);
    expect(isEnabledOn(off, 'example.com')).toBe(false);
    expect(isEnabledOn(off, 'news.example.com')).toBe(true);
    expect(isEnabledOn(withSite(off, 'example.com', true), 'www.example.com')).toBe(true);
  });

  it('pausing turns it off everywhere', () => {
    expect(isEnabledOn({ ...DEFAULT_SETTINGS, paused: true }, 'example.com')).toBe(false);
  });

  it('repairs corrupt stored values', () => {
    expect(normaliseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(
      normaliseSettings({
        paused: 'yes',
        disabledSites: ['B.com', 3, 'b.com'],
        hoverDelay: 99999,
        highlightStyle: '<b>',
        hiddenEntities: null,
        extra: true,
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['b.com'], hoverDelay: 2000 });
  });
});
