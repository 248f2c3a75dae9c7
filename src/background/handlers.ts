import browser from 'webextension-polyfill';
import { loadBundledDataset } from '../shared/dataset-source';
import { compareUrl } from '../shared/pages';
import { BlockMatchers, bootFor, cachedBootSpec, contentBoot } from './boot-spec';
import { answerCardRequest } from './card-request';
import type { DatasetService } from './dataset-service';
import type { Handlers } from './router';
import type { SearchService } from './search-service';
import { tabState } from './tab-state';

/**
 * The background's answer to each message in `BACKGROUND_MESSAGES` (payload, sender and reply
 * are defined there; the router has validated the payload and checked the sender). A handler
 * that throws makes the sender's `sendToBackground` reject, so it may simply throw.
 */
export function createHandlers(data: DatasetService, search: SearchService): Handlers {
  const boot = () =>
    // The revision it is stored under: not a dataset cached from before a change not yet seen.
    cachedBootSpec(async (revision) =>
      bootFor(await loadBundledDataset(), (await data.get(revision)).dataset),
    );
  const blocks = new BlockMatchers(boot);
  data.onChange(() => blocks.reset());
  return {
    'content:boot': async () => contentBoot(await boot()),
    'scan:match': ({ library, texts }) => blocks.match(library, texts),
    'content:mentions': async ({ counts }, { tabId, frameId }) => {
      if (tabId !== null && frameId === 0) await tabState.set(tabId, counts);
      return null;
    },
    'card:get': (payload, { tabId }) =>
      answerCardRequest(
        {
          reported: (id) => tabState.get(id),
          build: async (entity, pageText) => (await data.get()).card(entity, pageText),
        },
        payload,
        tabId,
      ),
    'compare:open': async ({ articles }) => {
      await browser.tabs.create({ url: compareUrl(articles) });
      return null;
    },
    'search:query': ({ query, limit }) => search.search(query, limit),
    'statement:get': async ({ id }) => (await data.get()).statement(id),
  };
}
