import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { countryLabelsModule } from './scripts/vite-country-labels.ts';
import { mapFonts } from './scripts/vite-map-fonts.ts';
import {
  COMPONENT_ENTRY,
  componentStylesheet,
  oembed,
  preloadFirstViewMap,
  publicUrl,
} from './scripts/vite-plugins.ts';

// A relative base makes the same dist/ work at `/` and under any sub-path.
export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [
    svelte(),
    mapFonts(),
    countryLabelsModule(),
    componentStylesheet(),
    preloadFirstViewMap(),
    // Where the site is published (for oEmbed); see "Embedding" in the README.
    oembed({ publicUrl: publicUrl(process.env.PUBLIC_URL), datasetFile: 'data/incidents.json' }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The app, the iframe embed, and the <incident-atlas> web component (loaded by other sites
      // from the fixed address `incident-atlas.js`), sharing their chunks.
      input: { main: 'index.html', embed: 'embed.html', [COMPONENT_ENTRY]: 'src/web-component/incident-atlas.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === COMPONENT_ENTRY ? '[name].js' : 'assets/[name]-[hash].js'),
        // Static servers often send `.mjs` with the wrong type; MapLibre's worker ships as `.mjs`.
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.mjs'))
            ? 'assets/[name]-[hash].js'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
  worker: {
    format: 'es',
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
