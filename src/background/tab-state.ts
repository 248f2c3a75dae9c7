import browser from 'webextension-polyfill';
import type { MentionCount } from '../shared/protocol';
import { t, tCount } from '../shared/i18n';

const key = (tabId: number) => `tab:${tabId}`;

// Firefox's MV2 background page is persistent; where `storage.session` is missing, memory is enough.
const memory = new Map<string, unknown>();
const session = {
  async set(items: Record<string, unknown>) {
    if (browser.storage.session) return browser.storage.session.set(items);
    for (const [k, v] of Object.entries(items)) memory.set(k, v);
  },
  async get(k: string): Promise<Record<string, unknown>> {
    if (browser.storage.session) return browser.storage.session.get(k);
    return memory.has(k) ? { [k]: memory.get(k) } : {};
  },
  async remove(k: string) {
    if (browser.storage.session) return browser.storage.session.remove(k);
    memory.delete(k);
  },
};

/**
 * What each tab's content script last reported, kept in `storage.session` because an MV3
 * service worker may be stopped between messages; also drives the toolbar badge.
 */
export const tabState = {
  async set(tabId: number, counts: MentionCount[]): Promise<void> {
    await session.set({ [key(tabId)]: counts });
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeText({ tabId, text: total > 0 ? String(Math.min(total, 999)) : '' });
    await action.setBadgeBackgroundColor({ tabId, color: '#1d2b44' });
    await action.setTitle({ tabId, title: total > 0 ? tCount('badgeTitle', total) : t('extName') });
  },
  async get(tabId: number): Promise<MentionCount[] | null> {
    const stored = await session.get(key(tabId));
    const value = stored[key(tabId)];
    return Array.isArray(value) ? (value as MentionCount[]) : null;
  },
  async forget(tabId: number): Promise<void> {
    await session.remove(key(tabId));
  },
};
