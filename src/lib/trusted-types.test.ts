import { describe, expect, it } from 'vitest';
import { markupFreeHtml, sameOriginScriptUrl } from './trusted-types.ts';

describe('sameOriginScriptUrl', () => {
  const base = 'https://atlas.example/nested/atlas/index.html';
  const origin = 'https://atlas.example';
  it('lets our own worker scripts through, resolved', () => {
    expect(sameOriginScriptUrl('assets/parse.worker-1.js', base, origin)).toBe(
      'https://atlas.example/nested/atlas/assets/parse.worker-1.js',
    );
    expect(sameOriginScriptUrl('https://atlas.example/assets/maplibre-gl-worker.js', base, origin)).toBe(
      'https://atlas.example/assets/maplibre-gl-worker.js',
    );
  });
  it('refuses scripts from any other host, scheme or a blob', () => {
    for (const url of [
      'https://evil.example/x.js',
      '//evil.example/x.js',
      'javascript:alert(1)',
      'data:text/javascript,alert(1)',
      'blob:https://atlas.example/7d2c',
      'http://atlas.example/x.js',
    ])
      expect(sameOriginScriptUrl(url, base, origin), url).toBeNull();
  });
});

describe('markupFreeHtml', () => {
  it('lets plain text through, entities included, and refuses anything with a tag', () => {
    expect(markupFreeHtml('Natural Earth · Noto fonts (OFL) | &copy; MapLibre')).toBe(
      'Natural Earth · Noto fonts (OFL) | &copy; MapLibre',
    );
    expect(markupFreeHtml('<img src=x onerror=alert(1)>')).toBeNull();
    expect(markupFreeHtml('a <!-- b --> c')).toBeNull();
    expect(markupFreeHtml('x > y')).toBeNull();
  });
});
