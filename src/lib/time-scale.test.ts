import { describe, expect, it } from 'vitest';
import {
  centreWindow,
  interpolateWindow,
  MIN_WINDOW_MS,
  paddedWindow,
  panWindow,
  timeToX,
  transformFromWindow,
  windowFromTransform,
  xToTime,
  zoomWindow,
} from './time-scale.ts';
import { utc } from './test/fixtures.ts';

const base = { fromMs: utc(2000), toMs: utc(2020) };

describe('zoom transform ↔ window', () => {
  it('windowFromTransform(base, identity) is the base', () => {
    expect(windowFromTransform(base, { k: 1, x: 0 }, 1000)).toEqual(base);
  });
  it('round-trips a window through its transform', () => {
    const window = { fromMs: utc(2010, 3), toMs: utc(2011, 9) };
    const transform = transformFromWindow(base, window, 800);
    const back = windowFromTransform(base, transform, 800);
    expect(back.fromMs).toBeCloseTo(window.fromMs, -1);
    expect(back.toMs).toBeCloseTo(window.toMs, -1);
  });
  it('timeToX and xToTime are inverse', () => {
    expect(xToTime(timeToX(utc(2012, 5, 5), base, 640), base, 640)).toBeCloseTo(utc(2012, 5, 5), -1);
  });
});

describe('zoomWindow', () => {
  it('zooms in around the anchor, keeping it at the same place', () => {
    const anchor = utc(2005);
    const zoomed = zoomWindow(base, 2, anchor);
    expect(zoomed.toMs - zoomed.fromMs).toBeCloseTo((base.toMs - base.fromMs) / 2, -1);
    expect((anchor - zoomed.fromMs) / (zoomed.toMs - zoomed.fromMs)).toBeCloseTo(
      (anchor - base.fromMs) / (base.toMs - base.fromMs),
      9,
    );
  });
  it('never zooms narrower than the minimum window', () => {
    const zoomed = zoomWindow({ fromMs: utc(2021), toMs: utc(2021, 1, 4) }, 1000);
    expect(zoomed.toMs - zoomed.fromMs).toBe(MIN_WINDOW_MS);
  });
  it('panWindow moves by a fraction of the span', () => {
    expect(panWindow({ fromMs: 0, toMs: 100 }, 0.5)).toEqual({ fromMs: 50, toMs: 150 });
  });
  it('paddedWindow adds room on both sides', () => {
    const padded = paddedWindow({ fromMs: 0, toMs: 1e12 }, 0.1);
    expect(padded).toEqual({ fromMs: -1e11, toMs: 1.1e12 });
  });
});

describe('interpolateWindow', () => {
  const a = { fromMs: 0, toMs: 1000 };
  const b = { fromMs: 4950, toMs: 5050 };
  it('starts at a and ends at b', () => {
    expect(interpolateWindow(a, b, 0)).toEqual(a);
    const end = interpolateWindow(a, b, 1);
    expect(end.fromMs).toBeCloseTo(b.fromMs, 6);
    expect(end.toMs).toBeCloseTo(b.toMs, 6);
  });
  it('shrinks the span geometrically: halfway between 1000 and 100 is about 316', () => {
    const middle = interpolateWindow(a, b, 0.5);
    expect(middle.toMs - middle.fromMs).toBeCloseTo(Math.sqrt(1000 * 100), 6);
  });
  it('centreWindow keeps the span', () => {
    expect(centreWindow(a, 10_000)).toEqual({ fromMs: 9500, toMs: 10_500 });
  });
});
