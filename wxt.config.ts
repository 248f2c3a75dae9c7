import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ICON_SIZES, renderIcons } from './scripts/lib/icons';
import { noInnerHtml } from './scripts/lib/vite-no-inner-html';
import { buildFromDisk, serialise } from './scripts/lib/dataset-files';
import { buildSearchIndex, documentsOf } from './src/search';
import { CARD_CHUNK, cardChunk } from './scripts/lib/card-chunk';
import { PACKAGED } from './src/shared/packaged-files';

/** Fixed add-on id: Firefox keys storage and the store listing on it. */
export const GECKO_ID = 'counterpoint@counterpoint-reader.org';

const HIGHLIGHT_CSS = PACKAGED.highlightCss;

const card = cardChunk(path.resolve(import.meta.dirname, 'src/content/card/card-chunk.ts'));

const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

export default defineConfig({
  // Explicit imports everywhere: easier to read, lint and trace than auto-imports.
  imports: false,
  vite: () => ({ plugins: [noInnerHtml(), preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons,
    action: { default_title: '__MSG_extName__', default_icon: icons },
    permissions: ['storage', 'contextMenus'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextMention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // WXT maps `action` to MV2's `browser_action` but leaves the icon behind.
          browser_action: { default_title: '__MSG_extName__', default_icon: icons },
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    artifactTemplate: 'counterpoint-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'counterpoint-{{version}}-sources.zip',
    excludeSources: ['test-results/**', 'bench-results/**', '.generated/**'],
  },
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      const rendered = await renderIcons(
        path.resolve(wxt.config.root, 'assets/icon.svg'),
        path.resolve(wxt.config.wxtDir, 'icons'),
      );
      for (const [size, file] of rendered) {
        files.push({ absoluteSrc: file, relativeDest: `icon/${size}.png` });
      }
      // The bundled dataset, built from assets/ by the same pipeline as `npm run dataset`.
      const { dataset, warnings } = await buildFromDisk(
        path.resolve(wxt.config.root, 'assets/articles'),
        path.resolve(wxt.config.root, 'assets/reference'),
      );
      for (const w of warnings) wxt.logger.warn(`dataset: ${w.file}: ${w.message}`);
      files.push({ relativeDest: PACKAGED.dataset, contents: serialise(dataset) });
      // Search is prepared here so the popup pays for no indexing when it opens.
      files.push({
        relativeDest: PACKAGED.searchIndex,
        contents: JSON.stringify(buildSearchIndex(documentsOf(dataset))),
      });
      files.push({
        absoluteSrc: path.resolve(wxt.config.root, 'src/page/highlight.css'),
        relativeDest: HIGHLIGHT_CSS,
      });
    },
    // Highlight styles go in through the manifest: a stylesheet the page can neither see in its
    // DOM nor remove, unlike a <style> element.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        script.css = [...(script.css ?? []), HIGHLIGHT_CSS];
      }
      card.addToManifest(manifest as Parameters<typeof card.addToManifest>[0]);
    },
    // The hover card is a module of its own, loaded on first hover (scripts/lib/card-chunk.ts).
    'vite:build:extendConfig': (entrypoints, config) => card.captureConfig(entrypoints, config),
    'build:done': (wxt) => card.build(wxt),
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(CARD_CHUNK);
    },
  },
});
