import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      'dist/',
      'bench/dist/',
      'bench/dist-profiled/',
      'bench/results/',
      'bench/data/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.shot.mjs',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Maps and URLs here are built once inside $derived and replaced wholesale, never mutated.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Data is rendered as text, never as HTML: no {@html}, no innerHTML/outerHTML/insertAdjacentHTML,
    // no D3 .html(), no MapLibre setHTML.
    files: ['src/**/*.{ts,svelte}'],
    rules: {
      'svelte/no-at-html-tags': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render data as text.' },
        { property: 'outerHTML', message: 'Render data as text.' },
        { property: 'insertAdjacentHTML', message: 'Render data as text.' },
        { property: 'setHTML', message: 'Render data as text (MapLibre popups: setText or setDOMContent).' },
        { property: 'html', message: 'D3 .html() parses markup; use .text().' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the app runs under a strict CSP.' },
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'No new Function: the app runs under a strict CSP.',
        },
      ],
    },
  },
  {
    // Pure logic stays framework-free and DOM-free.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'src/lib is framework-free.' },
            { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'MapLibre is wrapped in src/map only.' },
            { group: ['d3-selection', 'd3-zoom'], message: 'DOM-bound d3 modules belong to components.' },
          ],
        },
      ],
    },
  },
);
