import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { DEFAULT_PUBLIC_URL, firstViewMapPreloads, publicUrl } from './vite-plugins.ts';

describe('publicUrl', () => {
  it('defaults to the address npm start serves', () => {
    expect(publicUrl(undefined)).toBe(DEFAULT_PUBLIC_URL);
    expect(publicUrl('  ')).toBe(DEFAULT_PUBLIC_URL);
  });
  it('makes a folder address of a sub-path', () => {
    expect(publicUrl('https://news.example/atlas')).toBe('https://news.example/atlas/');
    expect(publicUrl('https://news.example/atlas/')).toBe('https://news.example/atlas/');
  });
  it('refuses something that is not an address', () => {
    expect(() => publicUrl('atlas')).toThrow();
  });
});

describe('firstViewMapPreloads', () => {
  const chunk = (name: string, fileName: string) => ({ type: 'chunk', name, fileName, imports: [] });
  const asset = (name: string, fileName: string) => ({ type: 'asset', names: [name], fileName });
  const bundle = (...items: object[]) =>
    Object.fromEntries(items.map((item) => [(item as { fileName: string }).fileName, item])) as Rolldown.OutputBundle;

  it('asks for MapLibre, the map module and the first basemap with the page, at addresses relative to it', () => {
    const tags = firstViewMapPreloads(
      bundle(
        chunk('app', 'assets/app-1.js'),
        chunk('maplibre-gl', 'assets/maplibre-gl-2.js'),
        chunk('map-data', 'assets/map-data-3.js'),
        asset('countries-50m.json', 'assets/countries-50m-4.json'),
        asset('countries-110m.json', 'assets/countries-110m-5.json'),
      ),
    );
    expect(tags.map((tag) => tag.attrs)).toEqual([
      { rel: 'modulepreload', crossorigin: true, href: './assets/maplibre-gl-2.js' },
      { rel: 'modulepreload', crossorigin: true, href: './assets/map-data-3.js' },
      { rel: 'preload', as: 'fetch', crossorigin: true, href: './assets/countries-110m-5.json' },
    ]);
  });

  it('fails the build when the map is no longer where it was looked for', () => {
    expect(() => firstViewMapPreloads(bundle(chunk('app', 'assets/app-1.js')))).toThrow(/not in the bundle/);
  });
});
