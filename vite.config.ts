import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { mapFonts } from './scripts/vite-map-fonts.ts';

// A relative base makes the same dist/ work at `/` and under any sub-path.
export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [svelte(), mapFonts()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
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
