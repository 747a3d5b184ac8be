// Builds the bench-only comparison pages (vis-timeline, bare MapLibre) into bench/dist. Never shipped.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'pages'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: {
        'vis-timeline': resolve(import.meta.dirname, 'pages/vis-timeline.html'),
        maplibre: resolve(import.meta.dirname, 'pages/maplibre.html'),
      },
    },
  },
});
