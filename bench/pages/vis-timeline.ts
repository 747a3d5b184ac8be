// vis-timeline on the same incidents the app gets, for side-by-side measurement. Bench only;
// never shipped. `?data=` the synthetic JSON; `?cluster=1` turns on vis-timeline's clustering.
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { DataSet } from 'vis-data/peer';
import { Timeline } from 'vis-timeline/peer';
import { parseDataset } from '../../src/lib/parse-incidents.ts';
import { MARK_POINT, markKindOf } from '../../src/lib/time-order.ts';

const params = new URLSearchParams(location.search);
const root = document.getElementById('timeline')!;

async function start() {
  const response = await fetch(params.get('data')!);
  const { incidents } = parseDataset(await response.json(), 'open');
  const items = new DataSet(
    incidents.map((incident) => {
      const kind = markKindOf(incident);
      const end = Number.isFinite(incident.time.endMs) ? incident.time.endMs : Date.now();
      return kind === MARK_POINT
        ? { id: incident.id, content: incident.title, start: incident.time.startMs, type: 'point' }
        : { id: incident.id, content: incident.title, start: incident.time.startMs, end, type: 'range' };
    }),
  );
  const timeline = new Timeline(root, items, {
    height: '420px',
    stack: true,
    zoomMin: 2 * 86_400_000,
    ...(params.get('cluster') ? { cluster: { maxItems: 5 } } : {}),
  });
  timeline.on('changed', () => {
    root.dataset.status = 'ready';
  });
}
start().catch((error) => {
  root.dataset.status = 'error';
  root.textContent = String(error);
});
