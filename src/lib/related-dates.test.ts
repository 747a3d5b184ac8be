import { describe, expect, it } from 'vitest';
import { layoutRelatedDates, relatedText } from './related-dates.ts';
import { utc } from './test/fixtures.ts';

// The DGSE case's chronology, as the curated record gives it.
const DGSE = [
  { label: 'Henri M. posted to Beijing (per AFP)', date: '1997' },
  { label: 'Both men charged and detained', date: '2017-12-22' },
  { label: 'Case made public (24 or 25 May)', date: '2018-05-24?' },
  { label: 'Trial opens in camera', date: '2020-07-06' },
];
const DECADES = { fromMs: utc(1990, 1, 1), toMs: utc(2030, 1, 1) };

describe('layoutRelatedDates', () => {
  it('places each date at its time, as wide as its precision, and words it as the rest of the app does', () => {
    const marks = layoutRelatedDates(DGSE, DECADES, 1000);
    expect(marks.map((mark) => mark.when)).toEqual(['1997', '22 Dec 2017', '24 May 2018?', '6 Jul 2020']);
    // Forty years over 1,000 px: 1997 starts 7 years in, and is a year (25 px) wide.
    expect(marks[0].x).toBeCloseTo((1000 * 7) / 40, 0);
    expect(marks[0].width).toBeCloseTo(25, 0);
    // A day is far narrower than a pixel here: it is drawn 1 px wide.
    expect(marks[1].width).toBe(1);
    expect(marks.map((mark) => mark.x)).toEqual([...marks.map((mark) => mark.x)].sort((a, b) => a - b));
  });

  it('gives an interval its whole period', () => {
    const [mark] = layoutRelatedDates([{ label: 'Intrusions', date: '2021-01', end: '2021-03' }], DECADES, 1000);
    expect(mark.when).toBe('Jan 2021 – Mar 2021');
    expect(mark.width).toBeCloseTo((1000 * (utc(2021, 4, 1) - utc(2021, 1, 1))) / (DECADES.toMs - DECADES.fromMs), 1);
  });

  it('puts labels that would overlap on rows of their own, and keeps only the guide past the last row', () => {
    // 2017, 2018 and 2020 are a few dozen px apart, their labels far wider.
    expect(layoutRelatedDates(DGSE, DECADES, 1000).map((mark) => mark.row)).toEqual([0, 0, 1, 1]);
    expect(layoutRelatedDates(DGSE, DECADES, 1000, { maxRows: 1 }).map((mark) => mark.row)).toEqual([0, 0, null, null]);
    const wide = layoutRelatedDates(DGSE, { fromMs: utc(2017, 1, 1), toMs: utc(2021, 1, 1) }, 4000);
    expect(wide.every((mark) => mark.row === 0)).toBe(true);
  });

  it('leaves out the dates outside the window, and any it cannot read', () => {
    const window = { fromMs: utc(2018, 1, 1), toMs: utc(2021, 1, 1) };
    const marks = layoutRelatedDates([...DGSE, { label: 'Garbled', date: 'soon' }], window, 900);
    expect(marks.map((mark) => mark.label)).toEqual(['Case made public (24 or 25 May)', 'Trial opens in camera']);
    expect(relatedText(marks[1])).toBe('Trial opens in camera · 6 Jul 2020');
  });
});

describe('labels near the right edge', () => {
  it('start at their date, else end at it, else keep inside the plot', () => {
    const label = (width: number) =>
      layoutRelatedDates([{ label: 'Trial opens in camera', date: '2020-07-06' }], DECADES, width)[0].labelX;
    // "Trial opens in camera · 6 Jul 2020": 34 characters, ≈ 223 px.
    expect(label(1000)).toBeCloseTo(
      (1000 * (Date.UTC(2020, 6, 6) - DECADES.fromMs)) / (DECADES.toMs - DECADES.fromMs),
      0,
    );
    const x800 = (800 * (Date.UTC(2020, 6, 6) - DECADES.fromMs)) / (DECADES.toMs - DECADES.fromMs);
    expect(label(800)).toBeCloseTo(x800 - 34 * 6.2 - 12, 0);
    // On a plot narrower than the room either side of the date: as far right as it fits.
    const narrow = layoutRelatedDates(DGSE.slice(1, 2), { fromMs: utc(2016, 1, 1), toMs: utc(2022, 1, 1) }, 330)[0];
    expect(narrow.labelX + relatedText(narrow).length * 6.2 + 12).toBeCloseTo(330, 0);
  });
});
