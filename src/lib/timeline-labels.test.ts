import { describe, expect, it } from 'vitest';
import { describeWhen, incidentAnnouncement, incidentTooltip } from './timeline-labels.ts';
import { incident, loaded } from './test/fixtures.ts';

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
