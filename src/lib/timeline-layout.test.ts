import { describe, expect, it } from 'vitest';
import { hitTest, layoutTimeline, markKind, markRect } from './timeline-layout.ts';
import { incident, loaded, utc } from './test/fixtures.ts';

const incidents = loaded(
  incident({ id: 'day', date: '2021-03-02' }),
  incident({ id: 'year', date: '2021' }),
  incident({ id: 'month', date: '2021-03' }),
  incident({ id: 'period', date: '2020-06', end: '2021-02' }),
);
const window = { fromMs: utc(2020), toMs: utc(2022) };
// 731 days in 2020–2021: one pixel per day.
const layout = layoutTimeline(incidents, window, { widthPx: 731 });

describe('layoutTimeline', () => {
  it('draws day precision as a point, month and year as spans, periods as bars', () => {
    expect(incidents.map((item) => [item.id, markKind(item)])).toEqual([
      ['day', 'point'],
      ['year', 'span'],
      ['month', 'span'],
      ['period', 'bar'],
    ]);
  });
  it('a year-precision record spans its whole year', () => {
    const rect = markRect(layout, 'year')!;
    expect(rect.x).toBeCloseTo(366, 0);
    expect(rect.width).toBeCloseTo(365, 0);
  });
  it('stacks overlapping marks in separate rows', () => {
    const rows = new Set(
      layout.marks.filter((mark) => ['year', 'month', 'day'].includes(mark.incident.id)).map((mark) => mark.row),
    );
    expect(rows.size).toBe(3);
  });
  it('hitTest finds the mark under a point and nothing in empty space', () => {
    const rect = markRect(layout, 'day')!;
    expect(hitTest(layout, rect.x + rect.width / 2, rect.y + rect.height / 2)?.incident.id).toBe('day');
    expect(hitTest(layout, 5, 200)).toBeNull();
  });
});
