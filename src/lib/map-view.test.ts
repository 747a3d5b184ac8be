import { describe, expect, it } from 'vitest';
import { roundView, sameView, viewPrecision } from './map-view.ts';

describe('map views', () => {
  it('viewPrecision grows with zoom, as MapLibre rounds its hash', () => {
    expect(viewPrecision(0)).toBe(1);
    expect(viewPrecision(2)).toBe(2);
    expect(viewPrecision(10)).toBe(4);
  });
  it('roundView keeps what a pixel can show', () => {
    expect(roundView({ zoom: 2.23456, lat: 48.123456, lng: 2.987654 })).toEqual({ zoom: 2.23, lat: 48.12, lng: 2.99 });
  });
  it('sameView is true within a pixel and false beyond', () => {
    const view = { zoom: 4, lat: 48.86, lng: 2.35 };
    expect(sameView(view, { zoom: 4.004, lat: 48.861, lng: 2.351 })).toBe(true);
    expect(sameView(view, { zoom: 4.5, lat: 48.86, lng: 2.35 })).toBe(false);
    expect(sameView(view, { zoom: 4, lat: 49.2, lng: 2.35 })).toBe(false);
    expect(sameView(view, null)).toBe(false);
    expect(sameView(null, null)).toBe(true);
  });
});
