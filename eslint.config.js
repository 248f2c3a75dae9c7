// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CONTEXTS = ['background', 'content', 'popup', 'options', 'compare', 'add-article', 'welcome'];

/** Matches an import path that reaches into one of `contexts`' folders. */
const contextImport = (contexts) => `(^|[/@~])(${contexts.join('|')})(/|\\.tsx?$|$)`;

/**
 * Code in `files` must not import any other context's code, nor the folders in `also`. One rule
 * per folder: ESLint's flat config replaces, not merges, a rule's options across blocks.
 */
const boundary = (context, files, also = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: contextImport([...CONTEXTS.filter((c) => c !== context), ...also]),
            message: `${context} code must not import this (other contexts: ${CONTEXTS.filter((c) => c !== context).join(', ')}; also ${also.join(', ') || 'nothing'}); move shared code to src/shared or the pure core.`,
          },
        ],
      },
    ],
  },
});

// Layers beside the contexts: `page` reads and marks the page (content only), `ui` holds
// components for every UI (no storage, no page access), `library` is the reader's private
// IndexedDB (never in the content script, nor anything a page's context loads), `shared`
// is used by all and so depends on none of them.
const LAYER_BOUNDARIES = [
  boundary('page', ['src/page/**'], ['ui', 'library']),
  boundary('ui', ['src/ui/**'], ['page', 'library']),
  boundary('library', ['src/library/**'], ['page', 'ui']),
  boundary('shared', ['src/shared/**'], ['page', 'ui', 'library']),
];

const PURE_CORE = [
  'src/dataset/**',
  'src/matching/**',
  'src/search/**',
  'src/diff/**',
  'src/cards/**',
  'src/text/**',
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      '.generated/**',
      'test-results/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message:
            'Build DOM with Preact or textContent; never parse page or dataset text as HTML.',
        },
        { property: 'outerHTML', message: 'Never parse page or dataset text as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Never parse page or dataset text as HTML.' },
      ],
    },
  },
  boundary('background', ['src/background/**', 'entrypoints/background.ts'], ['page', 'ui']),
  boundary('content', ['src/content/**', 'entrypoints/content/**'], ['library']),
  boundary('popup', ['src/popup/**', 'entrypoints/popup/**'], ['page', 'library']),
  boundary('options', ['src/options/**', 'entrypoints/options/**'], ['page']),
  boundary('compare', ['src/compare/**', 'entrypoints/compare/**'], ['page']),
  boundary('add-article', ['src/add-article/**', 'entrypoints/add/**'], ['page']),
  boundary('welcome', ['src/welcome/**', 'entrypoints/welcome/**'], ['page', 'library']),
  ...LAYER_BOUNDARIES,
  {
    // The pure core runs in Node, a service worker and a page: no DOM, no extension or Node API.
    files: PURE_CORE,
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path'],
              message: 'The pure core has no Node APIs; do IO in scripts/.',
            },
            {
              group: ['webextension-polyfill', 'wxt', 'wxt/*'],
              message: 'The pure core has no extension APIs.',
            },
            { group: ['preact', 'preact/*'], message: 'The pure core has no UI.' },
            {
              regex: contextImport([...CONTEXTS, 'page', 'ui', 'shared', 'library']),
              message: 'The pure core must not depend on context code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'browser',
        'chrome',
        'location',
        'navigator',
      ],
    },
  },
  {
    files: ['scripts/**', 'test/**', '*.config.*', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
