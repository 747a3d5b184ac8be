import { describe, expect, it } from 'vitest';
import { utc } from './test/fixtures.ts';
import { seededRandom } from './test/url-fuzz.ts';
import { MAX_WINDOW_MS } from './time-scale.ts';
import { formatMapView, isUrlWindow, MAX_ZOOM, mapPrecision, roundMapView, roundWindowToDays } from './url-values.ts';

const DAY_MS = 86_400_000;

describe('map view rounding by zoom', () => {
  it.each([
    [0, 1],
    [2, 2],
    [5, 2],
    [10, 4],
    [15, 5],
    [MAX_ZOOM, 8],
  ])('mapPrecision(%d) is %d decimals', (zoom, digits) => {
    expect(mapPrecision(zoom)).toBe(digits);
  });

  it('rounds the zoom to 0.01 and the position to what a pixel can show', () => {
    expect(roundMapView({ zoom: 4.56789, lat: 50.123456789, lng: -14.987654321 })).toEqual({
      zoom: 4.57,
      lat: 50.12,
      lng: -14.99,
    });
    expect(formatMapView({ zoom: 12, lat: 50.123456789, lng: 14.1 })).toBe('12/50.12346/14.1');
  });

  it('moves the camera by less than half a pixel at any zoom', () => {
    const rand = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const view = { zoom: rand() * MAX_ZOOM, lat: rand() * 170 - 85, lng: rand() * 360 - 180 };
      const rounded = roundMapView(view);
      const pxPerDegree = (512 * 2 ** rounded.zoom) / 360;
      expect(Math.abs(rounded.lng - view.lng) * pxPerDegree).toBeLessThan(0.5);
    }
  });

  it('writes no negative zero and no exponent', () => {
    expect(formatMapView({ zoom: 0.001, lat: -0.0000001, lng: 0.00000001 })).toBe('0/0/0');
    expect(formatMapView({ zoom: 24, lat: 0.00000001, lng: -0.00000002 })).toBe('24/0.00000001/-0.00000002');
  });
});

describe('windows and days', () => {
  it('rounds a window to the nearest day boundaries, at least one day wide', () => {
    expect(roundWindowToDays({ fromMs: utc(2021, 1, 1) + 0.4 * DAY_MS, toMs: utc(2021, 2, 1) + 0.6 * DAY_MS })).toEqual(
      {
        fromMs: utc(2021, 1, 1),
        toMs: utc(2021, 2, 2),
      },
    );
    expect(roundWindowToDays({ fromMs: utc(2021, 1, 1), toMs: utc(2021, 1, 1) + 1000 })).toEqual({
      fromMs: utc(2021, 1, 1),
      toMs: utc(2021, 1, 2),
    });
  });

  it('accepts windows within three centuries, forwards, on day boundaries', () => {
    expect(isUrlWindow(utc(2021), utc(2022))).toBe(true);
    expect(isUrlWindow(utc(2022), utc(2021))).toBe(false);
    expect(isUrlWindow(utc(2021), utc(2021) + MAX_WINDOW_MS + DAY_MS)).toBe(false);
    expect(isUrlWindow(utc(2021) + 1, utc(2022))).toBe(false);
  });
});
