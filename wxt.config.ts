import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Counterpoint',
    description: 'See who said what about the news you read, and how each outlet reported it.',
  },
});
