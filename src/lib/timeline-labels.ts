/**
 * The words the timeline shows and announces for what it draws: an incident (its date with the
 * precision it is known to, its status and techniques), a "+N more" cluster and a bin. Plain text,
 * for tooltips and the focused element's accessible name.
 */
import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns';
import { describePrecision, formatIncidentTime, formatIsoDay } from './dates.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { formatBin } from './timeline-bins.ts';
import type { BinBar, Cluster, ContextBand } from './timeline-layout.ts';
import { labelOf } from './vocabulary.ts';

/** "2 March 2021", "2021 (known to the year)", "June 2020 – February 2021 (period)". */
export function describeWhen(incident: LoadedIncident): string {
  const when = formatIncidentTime(incident.time);
  if (incident.time.end === 'open') return when;
  if (incident.time.end !== undefined) return `${when} (period)`;
  return incident.time.start.precision === 'day' && !incident.time.start.approximate && !incident.time.start.uncertain
    ? when
    : `${when} (${describePrecision(incident.time.start)})`;
}

/** "Cyber intrusion" or "Cyber intrusion +2" (more techniques than the primary one). */
export function describeTechniques(incident: LoadedIncident): string {
  const [primary, ...rest] = incident.techniques;
  if (primary === undefined) return '';
  return rest.length > 0 ? `${labelOf(primary)} +${rest.length}` : labelOf(primary);
}

/** The lines of an incident's tooltip: title, then when, then status and techniques. */
export function incidentTooltip(incident: LoadedIncident): { heading: string; lines: string[] } {
  const facts = [incident.status ? labelOf(incident.status) : '', describeTechniques(incident)].filter(Boolean);
  return { heading: incident.title, lines: [describeWhen(incident), facts.join(' · ')].filter(Boolean) };
}

/** The focused element's accessible name: lane, date, title, status, selection. */
export function incidentAnnouncement(incident: LoadedIncident, laneLabel: string | null, selected: boolean): string {
  const status = incident.status ? `, ${labelOf(incident.status)}` : '';
  const lane = laneLabel ? `${laneLabel} lane: ` : '';
  return `${lane}${describeWhen(incident)}: ${incident.title}${status}${selected ? ', selected' : ''}`;
}

const count = (n: number) => `${n.toLocaleString('en')} incident${n === 1 ? '' : 's'}`;

export function binTooltip(bin: BinBar): { heading: string; lines: string[] } {
  const overlapping = bin.touching - bin.within;
  const lines = [
    `${count(bin.within)} dated within it`,
    ...(overlapping > 0
      ? [`${overlapping.toLocaleString('en')} more overlap it (known only to a longer period, or running through it)`]
      : []),
    'Click to zoom in',
  ];
  return { heading: formatBin(bin.unit, bin.bin), lines };
}

/** "2021", "March 2021", or the years a set of periods covers. */
function describeBand(band: ContextBand): string {
  const days = (band.toMs - band.fromMs) / 86_400_000;
  if (band.kind === 'period') return `${band.count.toLocaleString('en')} in periods running through this view`;
  const period = format(new UTCDate(band.fromMs), days > 32 ? 'yyyy' : 'MMMM yyyy');
  return `${band.count.toLocaleString('en')} known only to ${period}`;
}

export function clusterTooltip(cluster: Cluster, bands: readonly ContextBand[]): { heading: string; lines: string[] } {
  if (cluster.kind === 'context') {
    const mine = bands.filter((band) => band.lane === cluster.lane);
    const listed = mine.slice(0, 4).map(describeBand);
    if (mine.length > 4) listed.push('…');
    return { heading: `${count(cluster.count)} wider than this view`, lines: [...listed, 'Click to zoom out to them'] };
  }
  const last = formatIsoDay(cluster.toMs - 1);
  const first = formatIsoDay(cluster.fromMs);
  return {
    heading: `${count(cluster.count)} more here`,
    lines: [first === last ? first : `${first} to ${last}`, 'Click to zoom in and see each one'],
  };
}
