import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_URL, publicUrl } from './vite-plugins.ts';

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
