import * as v from 'valibot';
import type { BackgroundType } from '../shared/protocol';

const mentionCount = v.object({
  entity: v.pipe(v.string(), v.maxLength(200)),
  name: v.pipe(v.string(), v.maxLength(200)),
  kind: v.picklist(['person', 'event']),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** Runtime schemas for every background payload: content scripts run beside untrusted pages. */
export const PAYLOAD_SCHEMAS: { [K in BackgroundType]: v.GenericSchema } = {
  'content:boot': v.object({ host: v.pipe(v.string(), v.maxLength(300)) }),
  'content:mentions': v.object({ counts: v.pipe(v.array(mentionCount), v.maxLength(1000)) }),
  'card:get': v.object({
    entity: v.pipe(v.string(), v.maxLength(200)),
    pageText: v.pipe(v.string(), v.maxLength(20_000)),
  }),
  'compare:open': v.object({
    articles: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(50)),
  }),
  'search:query': v.object({
    query: v.pipe(v.string(), v.maxLength(200)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
  }),
  'statement:get': v.object({ id: v.pipe(v.string(), v.maxLength(300)) }),
  'page:mentions': v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
};
