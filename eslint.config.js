// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CONTEXTS = ['background', 'content', 'popup', 'options', 'compare', 'add-article', 'welcome'];

/** Matches an import path that reaches into one of `contexts`' folders. */
const contextImport = (contexts) => `(^|[/@~])(${contexts.join('|')})(/|\\.tsx?$|$)`;

/** Each extension context may use shared code, never another context's code. */
const boundary = (context, files) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: contextImport(CONTEXTS.filter((c) => c !== context)),
            message: `Code for the ${context} context must not import another context's code; move shared code to src/shared or the pure core.`,
          },
        ],
      },
    ],
  },
});

const PURE_CORE = [
  'src/dataset/**',
  'src/matching/**',
  'src/search/**',
  'src/diff/**',
  'src/cards/**',
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
  boundary('background', ['src/background/**', 'entrypoints/background.ts']),
  boundary('content', ['src/content/**', 'entrypoints/content/**']),
  boundary('popup', ['src/popup/**', 'entrypoints/popup/**']),
  boundary('options', ['src/options/**', 'entrypoints/options/**']),
  boundary('compare', ['src/compare/**', 'entrypoints/compare/**']),
  boundary('add-article', ['src/add-article/**', 'entrypoints/add/**']),
  boundary('welcome', ['src/welcome/**', 'entrypoints/welcome/**']),
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
              regex: contextImport([...CONTEXTS, 'page', 'ui', 'shared']),
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
