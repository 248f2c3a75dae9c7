import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests run the pure core in Node; e2e tests drive the built extension in real browsers,
// one browser at a time (2-core machines).
//
// Unit tests get WXT's fake browser (`fakeBrowser` from `wxt/testing`, in-memory storage,
// messaging and events) as the global `browser`/`chrome` and as `wxt/browser`. Code that imports
// `webextension-polyfill` gets the same object: the polyfill itself refuses to load outside an
// extension, and one fake for both means a test sets state once (`fakeBrowser.reset()` between).
export default defineConfig(async () => {
  const wxt = await WxtVitest();
  return {
    plugins: [preact()],
    test: {
      projects: [
        {
          extends: true,
          plugins: wxt,
          resolve: {
            alias: [
              {
                find: /^webextension-polyfill$/,
                replacement: fileURLToPath(
                  new URL('./test/unit/support/fake-polyfill.ts', import.meta.url),
                ),
              },
            ],
          },
          test: {
            name: 'unit',
            include: ['test/unit/**/*.test.{ts,tsx}'],
            environment: 'node',
            setupFiles: ['test/unit/support/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            fileParallelism: false,
            testTimeout: 60_000,
            // Room for a browser start tried twice (see launchBrowser) and the suite's setup.
            hookTimeout: 180_000,
          },
        },
      ],
    },
  };
});
