/**
 * Vite plugin: the map style's `font-faces`, generated at build time as a small module
 * (`virtual:map-font-faces`). It lists Noto Sans (Latin, Greek, Cyrillic, Vietnamese) and only
 * those Noto Sans SC subsets that hold the Chinese characters the basemap's labels use, each with
 * its unicode-range; the woff2 files become hashed assets on our own origin. MapLibre fetches a
 * file only when a label draws a character it covers, so the default view loads a few of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { subsetsFor } from '../src/lib/font-subsets.ts';
import { chineseLabelText } from '../src/lib/map-labels.ts';
import { MAP_FONT } from '../src/map/map-style.ts';

const MODULE_ID = 'virtual:map-font-faces';
const RESOLVED_ID = `\0${MODULE_ID}`;
const LATIN_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

interface Face {
  file: string;
  range: string;
}

function readRanges(pkg: string): Record<string, string> {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8'));
}

/** The faces in the order MapLibre should try them: Latin scripts first, then the Chinese subsets. */
export function mapFontFaces(chineseText: string = chineseLabelText()): Face[] {
  const latin = readRanges('@fontsource/noto-sans');
  const chinese = Object.fromEntries(
    Object.entries(readRanges('@fontsource/noto-sans-sc')).filter(([name]) => name.startsWith('[')),
  );
  return [
    ...LATIN_SUBSETS.map((subset) => ({
      file: `@fontsource/noto-sans/files/noto-sans-${subset}-400-normal.woff2`,
      range: latin[subset],
    })),
    ...subsetsFor(chineseText, chinese).map((subset) => ({
      file: `@fontsource/noto-sans-sc/files/noto-sans-sc-${subset.slice(1, -1)}-400-normal.woff2`,
      range: chinese[subset],
    })),
  ];
}

export function mapFonts(): Plugin {
  return {
    name: 'incident-atlas:map-fonts',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return;
      const faces = mapFontFaces();
      // `?no-inline&url`: a file URL even for small files; a data: URL would need a looser CSP.
      const imports = faces.map((face, i) => `import f${i} from ${JSON.stringify(`${face.file}?no-inline&url`)};`);
      const entries = faces.map(
        (face, i) => `{ url: f${i}, 'unicode-range': ${JSON.stringify(face.range.split(','))} }`,
      );
      return `${imports.join('\n')}\nexport default { ${JSON.stringify(MAP_FONT)}: [\n${entries.join(',\n')}\n] };\n`;
    },
  };
}
