import { describe, expect, it } from 'vitest';
import { buildTimelineIndex, countStartingIn, forEachVisibleEntry } from './timeline-index.ts';
import { buildTimeOrder, MARK_BAR, MARK_POINT, MARK_SPAN } from './time-order.ts';
import { incident, loaded, utc } from './test/fixtures.ts';

const incidents = loaded(
  incident({ id: 'late', date: '2023-05-01', targets: { countries: ['FR'], orgs: [] } }),
  incident({ id: 'year', date: '2021', targets: { countries: ['FR', 'DE'], orgs: [] } }),
  incident({ id: 'open', date: '2015-06', end: '..', targets: { countries: ['DE'], orgs: [] } }),
  incident({ id: 'early', date: '2019-02-03', targets: { countries: ['DE'], orgs: [] } }),
);
const order = buildTimeOrder(incidents);
const NOW = utc(2025);

const visibleIds = (index: ReturnType<typeof buildTimelineIndex>, lane: number, from: number, to: number) => {
  const ids: string[] = [];
  forEachVisibleEntry(index, lane, from, to, (e) => ids.push(index.incidents[index.entryIncident[e]].id));
  return ids;
};

describe('buildTimelineIndex', () => {
  const index = buildTimelineIndex(order, incidents, 'none', NOW);
  it('holds the filtered incidents in time order with their mark kinds', () => {
    expect(index.incidents.map((item) => item.id)).toEqual(['open', 'early', 'year', 'late']);
    expect([...index.kind]).toEqual([MARK_BAR, MARK_POINT, MARK_SPAN, MARK_POINT]);
    expect(index.end[0]).toBe(Infinity);
  });
  it('keeps only the filtered subset, still in time order', () => {
    const subset = buildTimelineIndex(order, [incidents[0], incidents[3]], 'none', NOW);
    expect(subset.incidents.map((item) => item.id)).toEqual(['early', 'late']);
  });
  it('counts an open end up to now for binning', () => {
    expect(index.lastDay[0]).toBe(Math.floor((NOW - 1) / 86_400_000));
    expect(index.startMonth[2]).toBe(2021 * 12);
    expect(index.lastMonth[2]).toBe(2021 * 12 + 11);
  });
  it('by country, an incident against two countries has an entry in each lane, its first country first', () => {
    const byCountry = buildTimelineIndex(order, incidents, 'country', NOW);
    expect(byCountry.lanes.map((lane) => lane.key)).toEqual(['DE', 'FR']);
    const year = byCountry.positionOf.get('year')!;
    const lanes = [];
    for (let e = byCountry.firstEntry[year]; e !== -1; e = byCountry.nextEntry[e]) lanes.push(byCountry.entryLane[e]);
    expect(lanes.map((lane) => byCountry.lanes[lane].key)).toEqual(['FR', 'DE']);
    expect(visibleIds(byCountry, 0, utc(2000), utc(2030))).toEqual(['early', 'year', 'open']);
  });
});

describe('forEachVisibleEntry', () => {
  const index = buildTimelineIndex(order, incidents, 'none', NOW);
  it('finds incidents whose period overlaps the window, by precision', () => {
    // A window inside 2021 touches the year-precision record, and the open period still running.
    expect(visibleIds(index, 0, utc(2021, 6), utc(2021, 7))).toEqual(['year', 'open']);
  });
  it('leaves out incidents that end before the window', () => {
    expect(visibleIds(index, 0, utc(2022), utc(2024))).toEqual(['late', 'open']);
  });
  it('countStartingIn counts the entries starting inside the window', () => {
    expect(countStartingIn(index, 0, utc(2019), utc(2022))).toBe(2);
  });
});
