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
    // Data is rendered as text, never as HTML: no {@html}, no HTML-parsing DOM sink (innerHTML,
    // outerHTML, insertAdjacentHTML, setHTML/setHTMLUnsafe, document.write, srcdoc, DOMParser,
    // createContextualFragment), no D3 .html(), no MapLibre setHTML, no string-to-code (eval,
    // Function, string timers). `scripts/eslint-html-sinks.test.ts` proves each of these still fails.
    files: ['src/**/*.{ts,svelte}'],
    rules: {
      'svelte/no-at-html-tags': 'error',
      'no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render data as text.' },
        { property: 'outerHTML', message: 'Render data as text.' },
        { property: 'insertAdjacentHTML', message: 'Render data as text.' },
        { property: 'setHTML', message: 'Render data as text (MapLibre popups: setText or setDOMContent).' },
        { property: 'setHTMLUnsafe', message: 'Render data as text.' },
        { property: 'parseHTMLUnsafe', message: 'Render data as text.' },
        { property: 'createContextualFragment', message: 'Render data as text.' },
        { property: 'parseFromString', message: 'Render data as text (DOMParser parses markup).' },
        { property: 'srcdoc', message: 'No srcdoc: frames load our own pages only.' },
        { object: 'document', property: 'write', message: 'Render data as text.' },
        { object: 'document', property: 'writeln', message: 'Render data as text.' },
        { property: 'html', message: 'D3 .html() parses markup; use .text().' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the app runs under a strict CSP.' },
        {
          selector: "NewExpression[callee.name='Function'], CallExpression[callee.name='Function']",
          message: 'No Function constructor: the app runs under a strict CSP.',
        },
        {
          selector: "NewExpression[callee.name='DOMParser']",
          message: 'Render data as text (DOMParser parses markup).',
        },
        {
          selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^(srcdoc|on)/i]",
          message: 'No event-handler or srcdoc attributes: they run or parse strings.',
        },
        { selector: "SvelteAttribute[key.name='srcdoc']", message: 'No srcdoc: frames load our own pages only.' },
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
