import { describe, expect, it } from 'vitest';
import { binTooltip, clusterTooltip, describeWhen, incidentAnnouncement, incidentTooltip } from './timeline-labels.ts';
import type { BinBar, Cluster, ContextBand } from './timeline-layout.ts';
import { incident, loaded, utc } from './test/fixtures.ts';

const [day, year, period, open] = loaded(
  incident({ id: 'day', date: '2021-03-02', title: 'Day', status: 'convicted', techniques: ['insider', 'honey-trap'] }),
  incident({ id: 'year', date: '2017~', title: 'Year' }),
  incident({ id: 'period', date: '2020-06', end: '2021-02', title: 'Period' }),
  incident({ id: 'open', date: '2021-09', end: '..', title: 'Open' }),
);

describe('timeline labels', () => {
  it('describeWhen says how precisely a date is known', () => {
    expect(describeWhen(day)).toBe('2 March 2021');
    expect(describeWhen(year)).toBe('c. 2017 (known to the year, approximate)');
    expect(describeWhen(period)).toBe('June 2020 – February 2021 (period)');
    expect(describeWhen(open)).toBe('since September 2021 (ongoing)');
  });
  it('incidentTooltip lists status and techniques, with +N for secondary ones', () => {
    expect(incidentTooltip(day)).toEqual({ heading: 'Day', lines: ['2 March 2021', 'Convicted · Insider +1'] });
  });
  it('incidentAnnouncement names the lane and the selection', () => {
    expect(incidentAnnouncement(day, 'Insider', true)).toBe('Insider lane: 2 March 2021: Day, Convicted, selected');
    expect(incidentAnnouncement(day, null, false)).toBe('2 March 2021: Day, Convicted');
  });
});

const rect = { x: 0, y: 0, width: 10, height: 10 };

describe('cluster and bin labels', () => {
  it('binTooltip names the period and separates incidents within it from those overlapping it', () => {
    const bin: BinBar = {
      ...rect,
      lane: 0,
      bin: 2021 * 12 + 2,
      unit: { unit: 'month', step: 1, approxMs: 0 },
      touching: 40,
      within: 12,
      spread: 3.5,
      max: 50,
      fromMs: utc(2021, 3),
      toMs: utc(2021, 4),
    };
    expect(binTooltip(bin)).toEqual({
      heading: 'March 2021',
      lines: [
        '12 incidents dated within it',
        '28 more overlap it (known only to a longer period, or running through it)',
        'Click to zoom in',
      ],
    });
  });
  it('clusterTooltip says how many more and when', () => {
    const more: Cluster = {
      ...rect,
      kind: 'more',
      lane: 0,
      count: 3,
      fromMs: utc(2020, 1, 15),
      toMs: utc(2020, 1, 16),
    };
    expect(clusterTooltip(more, [])).toEqual({
      heading: '3 incidents more here',
      lines: ['2020-01-15', 'Click to zoom in and see each one'],
    });
  });
  it('clusterTooltip for marks wider than the view lists what they are known to', () => {
    const bands: ContextBand[] = [
      { ...rect, lane: 0, kind: 'span', count: 23, fromMs: utc(2018), toMs: utc(2019) },
      { ...rect, lane: 0, kind: 'span', count: 3, fromMs: utc(2018, 4), toMs: utc(2018, 5) },
      { ...rect, lane: 0, kind: 'period', count: 2, fromMs: utc(2015), toMs: utc(2020) },
      { ...rect, lane: 1, kind: 'span', count: 9, fromMs: utc(2018), toMs: utc(2019) },
    ];
    const chip: Cluster = { ...rect, kind: 'context', lane: 0, count: 28, fromMs: utc(2015), toMs: utc(2020) };
    expect(clusterTooltip(chip, bands)).toEqual({
      heading: '28 incidents wider than this view',
      lines: [
        '23 known only to 2018',
        '3 known only to April 2018',
        '2 in periods running through this view',
        'Click to zoom out to them',
      ],
    });
  });
});
