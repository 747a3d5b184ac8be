import { describe, expect, it } from 'vitest';
import { changedAttributes, heightOfAttribute, linkOfAttributes, partOf } from './attributes.svelte.ts';

describe('linkOfAttributes', () => {
  it('reads attributes as the address would, unencoded', () => {
    const { state, errors } = linkOfAttributes({ country: 'EE,FR', q: 'a+b & c', incident: 'x', height: '600' });
    expect(errors).toEqual([]);
    expect(state.filters.countries).toEqual(['EE', 'FR']);
    expect(state.filters.query).toBe('a+b & c');
    expect(state.id).toBe('x');
  });

  it('reports invalid attributes under the address name', () => {
    expect(linkOfAttributes({ theme: 'neon' }).errors.map((problem) => problem.param)).toEqual(['theme']);
  });
});

describe('changedAttributes', () => {
  it('lists the view attributes that changed, treating missing as null', () => {
    expect(changedAttributes({ country: 'EE', theme: null }, { country: 'FR', height: '5' })).toEqual(['country']);
    expect(['country', 'from', 'incident', 'data'].map(partOf)).toEqual(['filters', 'window', 'id', 'dataset']);
  });
});

describe('heightOfAttribute', () => {
  it.each([
    ['600', '600px'],
    [' 720 ', '720px'],
    ['40rem', '40rem'],
    ['80vh', '80vh'],
    ['calc(100% - 1px)', null],
    ['600px; background: red', null],
    ['', null],
    [null, null],
  ])('heightOfAttribute(%j) is %j', (value, css) => {
    expect(heightOfAttribute(value)).toBe(css);
  });
});
