/**
 * Builds the hover card as an ES module of its own, `content-scripts/card.js`, which the
 * content script imports on the first hover. The card (Preact, floating-ui, its UI) is most
 * of the content script's code and most pages are never hovered, so pages pay for it only
 * when a reader asks for it. Built with the content script's own Vite config (same plugins,
 * same defines), after WXT's build and before its zip.
 */
import path from 'node:path';
import { build, mergeConfig, type InlineConfig } from 'vite';
import type { Wxt } from 'wxt';
import { PACKAGED } from '../../src/shared/packaged-files';

/** Where the module lands in the build, as the content script asks for it. */
export const CARD_CHUNK = PACKAGED.cardModule;

/** WXT hook bodies: capture the content script's config, build the module, list it as web-accessible. */
export function cardChunk(entry: string) {
  let contentConfig: InlineConfig | null = null;
  return {
    captureConfig(entrypoints: readonly { name: string }[], config: InlineConfig): void {
      if (entrypoints.some((e) => e.name === 'content')) contentConfig = config;
    },
    async build(wxt: Wxt): Promise<void> {
      if (!contentConfig) throw new Error('card chunk: the content script was not built');
      const config = mergeConfig(contentConfig, {
        build: {
          emptyOutDir: false,
          minify: true,
          outDir: path.resolve(wxt.config.outDir, path.dirname(CARD_CHUNK)),
        },
      } satisfies InlineConfig);
      // Not the content script's single IIFE (lib mode, which Vite will not minify as ES):
      // one ES module whose exports the content script imports.
      config.build!.lib = false;
      config.build!.rollupOptions = {
        input: entry,
        preserveEntrySignatures: 'strict',
        output: { format: 'es', entryFileNames: path.basename(CARD_CHUNK) },
      };
      await build({ ...config, logLevel: 'warn', configFile: false });
    },
    /** The module must be reachable by the content script's `import()`, nothing more. */
    addToManifest(manifest: { manifest_version: number; web_accessible_resources?: unknown[] }) {
      const matches = ['http://*/*', 'https://*/*'];
      manifest.web_accessible_resources ??= [];
      manifest.web_accessible_resources.push(
        manifest.manifest_version === 2 ? CARD_CHUNK : { resources: [CARD_CHUNK], matches },
      );
    },
  };
}
