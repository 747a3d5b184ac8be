// Builds the bench-only comparison pages (vis-timeline, bare MapLibre) into bench/dist. Never shipped.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { countryLabelsModule } from '../scripts/vite-country-labels.ts';
import { mapFonts } from '../scripts/vite-map-fonts.ts';

export default defineConfig({
  root: resolve(import.meta.dirname, 'pages'),
  base: './',
  publicDir: false,
  // The app's map style and basemap (the bare-MapLibre page's `?basemap=1`) take their fonts and
  // country labels from these modules.
  plugins: [mapFonts(), countryLabelsModule()],
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
