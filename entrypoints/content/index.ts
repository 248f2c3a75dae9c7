import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../src/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    return startContent(ctx);
  },
});
