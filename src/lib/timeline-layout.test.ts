import { describe, expect, it } from 'vitest';
import { buildTimelineIndex } from './timeline-index.ts';
import { buildTimeOrder, DAY_MS } from './time-order.ts';
import { fullLaneHeightPx, LayoutCache, layoutOptionsFor, layoutTimeline, planLanes } from './timeline-layout.ts';
import { hitTest, locateIncident, markRect } from './timeline-locate.ts';
import type { LaneMode } from './timeline-lanes.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { incident, loaded, utc } from './test/fixtures.ts';

const NOW = utc(2022, 6);

function setup(incidents: LoadedIncident[], mode: LaneMode, window: { fromMs: number; toMs: number }, widthPx: number) {
  const index = buildTimelineIndex(buildTimeOrder(incidents), incidents, mode, NOW);
  const options = layoutOptionsFor(index.lanes.length, widthPx);
  const cache = new LayoutCache(index, options);
  const plan = planLanes(cache, (window.toMs - window.fromMs) / widthPx, options);
  return { index, cache, plan, layout: layoutTimeline(cache, plan, window, widthPx) };
}

const incidents = loaded(
  incident({ id: 'day', date: '2021-03-02', techniques: ['human-intelligence'] }),
  incident({ id: 'year', date: '2021', techniques: ['cyber-intrusion'] }),
  incident({ id: 'month', date: '2021-03', techniques: ['human-intelligence'] }),
  incident({ id: 'period', date: '2020-06', end: '2021-02', techniques: ['cyber-intrusion'] }),
  incident({ id: 'open', date: '2021-09', end: '..', techniques: ['insider'] }),
);
// 731 days in 2020–2021: one pixel per day.
const window = { fromMs: utc(2020), toMs: utc(2022) };
const { cache, layout, plan } = setup(incidents, 'none', window, 731);

describe('layoutTimeline: precision you can see', () => {
  it('a year-precision record spans its whole year', () => {
    const rect = markRect(cache, layout, 'year')!;
    expect(rect.x).toBeCloseTo(366, 0);
    expect(rect.width).toBeCloseTo(365, 0);
  });
  it('a month-precision record spans its month; a day-precision one is a point on its day', () => {
    expect(markRect(cache, layout, 'month')!.width).toBeCloseTo(31, 0);
    const day = markRect(cache, layout, 'day')!;
    expect(day.x + day.width / 2).toBeCloseTo(366 + 31 + 28 + 1.5, 0);
    expect(day.width).toBe(day.height);
  });
  it('a period is a bar from start to end; an open period runs to the edge', () => {
    const period = markRect(cache, layout, 'period')!;
    expect(period.x).toBeCloseTo(152, 0);
    expect(period.x + period.width).toBeCloseTo(366 + 59, 0);
    const open = markRect(cache, layout, 'open')!;
    expect(open.x + open.width).toBeGreaterThanOrEqual(731);
  });
  it('stacks overlapping marks in separate rows', () => {
    const ys = ['year', 'month', 'day'].map((id) => markRect(cache, layout, id)!.y);
    expect(new Set(ys.map((y) => Math.round(y / plan.options.rowHeightPx))).size).toBe(3);
  });
  it('draws each visible incident once', () => {
    expect(layout.marks.count).toBe(5);
    expect(layout.clusters).toEqual([]);
    expect(layout.lod).toEqual(['marks']);
  });
});

describe('lanes', () => {
  it('grouping by technique moves a mark into its technique lane', () => {
    const byTechnique = setup(incidents, 'technique', window, 731);
    const lanes = byTechnique.index.lanes.map((lane) => lane.key);
    expect(lanes).toEqual(['cyber-intrusion', 'human-intelligence', 'insider']);
    const insiderLane = byTechnique.plan.lanes[2];
    const open = markRect(byTechnique.cache, byTechnique.layout, 'open')!;
    expect(open.y).toBeGreaterThanOrEqual(insiderLane.y);
    expect(open.y + open.height).toBeLessThanOrEqual(insiderLane.y + insiderLane.height);
  });
  it('a crowded single lane is as tall as the room kept for the plot while a dataset loads', () => {
    const crowded = loaded(
      ...Array.from({ length: 40 }, (_, i) =>
        incident({ id: `c${i}`, date: `2021-03-${String((i % 28) + 1).padStart(2, '0')}` }),
      ),
    );
    const { plan } = setup(crowded, 'none', window, 731);
    expect(plan.lanes).toHaveLength(1);
    expect(plan.heightPx).toBe(fullLaneHeightPx(layoutOptionsFor(1, 731)));
    // A few marks take less: the plot shrinks to them once they are known.
    expect(setup(incidents, 'none', window, 731).plan.heightPx).toBeLessThan(plan.heightPx);
  });
  it('lane heights do not depend on the zoom', () => {
    const zoomed = layoutTimeline(cache, plan, { fromMs: utc(2021, 3), toMs: utc(2021, 4) }, 731);
    expect(zoomed.plan.heightPx).toBe(layout.plan.heightPx);
  });
});

describe('context: marks far wider than the view', () => {
  it('zoomed to a fortnight, the year and month records take no row; a "↔" chip counts them and frames them', () => {
    const { cache, layout } = setup(incidents, 'none', { fromMs: utc(2021, 3, 1), toMs: utc(2021, 3, 15) }, 700);
    const chip = layout.clusters.find((cluster) => cluster.kind === 'context')!;
    expect(chip).toMatchObject({ count: 2, fromMs: utc(2021), toMs: utc(2022) });
    expect(layout.context.map((band) => [band.kind, band.fromMs, band.toMs])).toEqual([
      ['span', utc(2021), utc(2022)],
      ['span', utc(2021, 3), utc(2021, 4)],
    ]);
    expect(locateIncident(cache, layout, 'year')).toMatchObject({ as: 'cluster', rect: { x: chip.x, y: chip.y } });
    expect(locateIncident(cache, layout, 'day')?.as).toBe('mark');
  });
  it('at a year zoom the same records are marks again', () => {
    expect(layout.context).toEqual([]);
    expect(layout.clusters).toEqual([]);
  });
});

describe('clusters and bins', () => {
  const crowd = loaded(...Array.from({ length: 12 }, (_, i) => incident({ id: `c${i}`, date: '2021-03-02' })));
  it('marks that find no free row become a "+N more" cluster that knows its extent', () => {
    const { cache, layout } = setup(crowd, 'none', { fromMs: utc(2021, 3, 1), toMs: utc(2021, 3, 4) }, 600);
    expect(layout.marks.count).toBe(8);
    expect(layout.clusters).toHaveLength(1);
    expect(layout.clusters[0]).toMatchObject({ count: 4, fromMs: utc(2021, 3, 2), toMs: utc(2021, 3, 3) });
    expect(locateIncident(cache, layout, 'c9')?.as).toBe('cluster');
    const chip = layout.clusters[0];
    expect(hitTest(cache, layout, chip.x + chip.width / 2, chip.y + chip.height / 2)).toMatchObject({
      type: 'cluster',
    });
  });
  it('a lane with more incidents than its rows can show is drawn as bins with counts', () => {
    const dense = loaded(
      ...Array.from({ length: 3000 }, (_, i) =>
        incident({ id: `n${i}`, date: new Date(utc(2010) + (i % 3650) * DAY_MS).toISOString().slice(0, 10) }),
      ),
    );
    const { cache, layout } = setup(dense, 'none', { fromMs: utc(2010), toMs: utc(2020) }, 800);
    expect(layout.lod).toEqual(['bins']);
    expect(layout.marks.count).toBe(0);
    expect(layout.bins.reduce((sum, bin) => sum + bin.within, 0)).toBe(3000);
    // Ten years over 800 px: quarters are the finest bins at least 10 px wide.
    expect(layout.bins[0].unit).toMatchObject({ unit: 'month', step: 3 });
    const located = locateIncident(cache, layout, 'n40')!;
    expect(located.as).toBe('bin');
    const bin = hitTest(cache, layout, located.rect.x + 1, located.rect.y + 2);
    expect(bin).toMatchObject({ type: 'bin', bin: { fromMs: utc(2010, 1), toMs: utc(2010, 4), within: 90 } });
  });
});

describe('hitTest', () => {
  it('finds the mark under a point through the index, and nothing in empty space', () => {
    const rect = markRect(cache, layout, 'day')!;
    const hit = hitTest(cache, layout, rect.x + rect.width / 2, rect.y + rect.height / 2);
    expect(hit?.type === 'mark' && cache.index.incidents[cache.index.entryIncident[hit.entry]].id).toBe('day');
    expect(hitTest(cache, layout, 20, 2)).toBeNull();
  });
  it('finds a long period far from its start', () => {
    const rect = markRect(cache, layout, 'open')!;
    const hit = hitTest(cache, layout, 725, rect.y + rect.height / 2);
    expect(hit?.type === 'mark' && cache.index.incidents[cache.index.entryIncident[hit.entry]].id).toBe('open');
  });
});
