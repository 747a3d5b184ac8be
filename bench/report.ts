/** Turns benchmark results into BENCHMARKS.md: tables, ratios against peers, targets, raw numbers. */
import type { FilterLatency, GestureResult, LoadResponsiveness } from './app-driver.ts';

export interface BenchResult {
  subject: string;
  count: number;
  /** ms from navigation to ready (map settled); null = did not finish within the time limit. */
  readyMs: number | null;
  /** ms from the data file's arrival to ready. */
  afterFetchMs?: number | null;
  /** ms the data file took to download (request start to response end). */
  downloadMs?: number | null;
  /** How the page held up while it loaded (the app only). */
  loading?: LoadResponsiveness;
  heapMb?: number;
  /** Timeline gestures with the map deferred to the gesture's end. */
  timelineZoom?: GestureResult;
  timelinePan?: GestureResult;
  /** The same with the map following live (the app's default). */
  timelineZoomLive?: GestureResult;
  timelinePanLive?: GestureResult;
  mapZoom?: GestureResult;
  mapPan?: GestureResult;
  filter?: FilterLatency;
  /** 1-minute load average of the machine when this subject started. */
  load?: number;
}

export interface LoadedFile {
  url: string;
  bytes: number;
}

export interface ReportInput {
  results: BenchResult[];
  defaultView: { bytes: number; files: LoadedFile[] };
  browser: string;
  machine: string;
  date: string;
  quick: boolean;
  gestureMs: number;
  load: { start: number[]; end: number[] };
  /** Trace summaries of the scenarios behind missed targets, by target. */
  profiles: { target: string; scenario: string; summary: string }[];
  /** Hand-written analysis (bench/analysis.md), included as is. */
  analysis: string;
}

/** Frame targets count as met at p95 ≤ 17.7 ms (16.7 ms plus 1 ms of rAF jitter), CONTRACTS §9. */
export const FRAME_TARGET_MS = 17.7;
export const APP = 'Incident Atlas';
export const BARE_MAPLIBRE = 'bare MapLibre (clustered, no basemap)';
export const STYLED_MAPLIBRE = 'bare MapLibre with the app’s style and basemap';

const isNumber = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && !Number.isNaN(value);
const ms = (value: number | null | undefined, digits = 0) => (isNumber(value) ? `${value.toFixed(digits)} ms` : '—');
const seconds = (value: number | null | undefined) => (isNumber(value) ? `${(value / 1000).toFixed(2)} s` : '—');

/**
 * Ready after the file arrived, counted fairly: the app reads our JSON while it downloads, which
 * slows the download (two cores shared), so its own "after the file arrived" starts late. Counted
 * instead from when the file arrives on bare MapLibre's page, which reads it only once it is all
 * there: the app's figure plus what its download took longer.
 */
export function countedAfterFetch(app?: BenchResult, bare?: BenchResult): number | null {
  if (!app || !isNumber(app.afterFetchMs)) return null;
  if (!bare || !isNumber(app.downloadMs) || !isNumber(bare.downloadMs)) return app.afterFetchMs;
  return app.afterFetchMs + Math.max(0, app.downloadMs - bare.downloadMs);
}

const frames = (stats?: GestureResult) =>
  stats
    ? `${stats.p50.toFixed(1)} / **${stats.p95.toFixed(1)}** / ${stats.max.toFixed(0)} (${(stats.over16 * 100).toFixed(0)}% > 16.7, ${(stats.over50 * 100).toFixed(0)}% > 50; ${stats.frames} frames)`
    : '—';
const updates = (stats?: GestureResult) => {
  if (!stats?.updates) return '—';
  const { list, map } = stats.updates;
  const gap = (u: { count: number; maxGapMs: number }) =>
    u.count === 0 ? 'none' : `${u.count}, max gap ${ms(u.maxGapMs)}`;
  return `list ${gap(list)}; map ${gap(map)}`;
};

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function loadingTable(results: BenchResult[]): string {
  return [
    '| subject | incidents | ready | ready after the file arrived | the file’s download | longest task / blocking time until ready | progress shown | JS heap after load and gestures | load avg |',
    '|---|---:|---:|---:|---:|---:|---|---:|---:|',
    ...results.map((r) =>
      row([
        r.subject,
        r.count.toLocaleString('en'),
        r.readyMs === null ? 'did not finish in 60 s' : seconds(r.readyMs),
        seconds(r.afterFetchMs),
        isNumber(r.downloadMs) ? ms(r.downloadMs) : '—',
        r.loading ? `${ms(r.loading.longestTaskMs)} / ${ms(r.loading.blockingMs)}` : '—',
        r.loading ? (r.loading.progressShown ? 'yes' : 'no') : '—',
        r.heapMb === undefined ? '—' : `${r.heapMb.toFixed(0)} MB`,
        r.load?.toFixed(2) ?? '—',
      ]),
    ),
  ].join('\n');
}

function timelineTable(results: BenchResult[]): string {
  const lines = [
    '| subject | incidents | map | zoom p50 / **p95** / max | pan p50 / **p95** / max | updates during zoom | map caught up after zoom |',
    '|---|---:|---|---|---|---|---:|',
  ];
  for (const r of results) {
    if (!r.timelineZoom && !r.timelinePan) continue;
    const app = r.subject === APP;
    lines.push(
      row([
        r.subject,
        r.count.toLocaleString('en'),
        app ? 'deferred' : '—',
        frames(r.timelineZoom),
        frames(r.timelinePan),
        updates(r.timelineZoom),
        ms(r.timelineZoom?.settleMs),
      ]),
    );
    if (app && (r.timelineZoomLive || r.timelinePanLive))
      lines.push(
        row([
          r.subject,
          r.count.toLocaleString('en'),
          'live (default)',
          frames(r.timelineZoomLive),
          frames(r.timelinePanLive),
          updates(r.timelineZoomLive),
          ms(r.timelineZoomLive?.settleMs),
        ]),
      );
  }
  return lines.join('\n');
}

function mapTable(results: BenchResult[]): string {
  return [
    '| subject | incidents | zoom p50 / **p95** / max | pan p50 / **p95** / max |',
    '|---|---:|---|---|',
    ...results
      .filter((r) => r.mapZoom || r.mapPan)
      .map((r) => row([r.subject, r.count.toLocaleString('en'), frames(r.mapZoom), frames(r.mapPan)])),
  ].join('\n');
}

function filterTable(results: BenchResult[]): string {
  return [
    '| incidents | filter → timeline, table and counts painted | filter → map clusters idle |',
    '|---:|---:|---:|',
    ...results
      .filter((r) => r.filter)
      .map((r) => row([r.count.toLocaleString('en'), ms(r.filter!.viewsMs), ms(r.filter!.mapMs)])),
  ].join('\n');
}

export interface Target {
  name: string;
  value: string;
  met: boolean | null;
  /** The profiler scenario that explains a miss (bench/profile.ts), with its options. */
  scenario?: { count: number; scenario: string; live?: boolean };
}

/** Every target of the issue, measured or not, with its verdict. */
export function evaluateTargets(results: BenchResult[], defaultViewBytes: number): Target[] {
  const app = (count: number) => results.find((r) => r.subject === APP && r.count === count);
  const peer = (subject: string, count: number) => results.find((r) => r.subject === subject && r.count === count);
  const targets: Target[] = [];
  const worstP95 = (...stats: (GestureResult | undefined)[]) =>
    stats.some((s) => !s) ? NaN : Math.max(...stats.map((s) => s!.p95));
  const frameTarget = (name: string, count: number, live: boolean) => {
    const r = app(count);
    const p95 = live ? worstP95(r?.timelineZoomLive, r?.timelinePanLive) : worstP95(r?.timelineZoom, r?.timelinePan);
    const zoomP95 = live ? r?.timelineZoomLive?.p95 : r?.timelineZoom?.p95;
    const panP95 = live ? r?.timelinePanLive?.p95 : r?.timelinePan?.p95;
    const worse = (zoomP95 ?? 0) >= (panP95 ?? 0) ? 'zoom' : 'pan';
    targets.push({
      name,
      value: isNumber(p95) ? `zoom ${ms(zoomP95, 1)}, pan ${ms(panP95, 1)}` : 'not measured',
      met: isNumber(p95) ? p95 <= FRAME_TARGET_MS : null,
      scenario: { count, scenario: `timeline-${worse}`, live },
    });
  };

  const tenK = app(10_000);
  targets.push({
    name: '10k: ready ≤ 1.0 s, timeline, map and list drawn',
    value: seconds(tenK?.readyMs),
    met: tenK ? tenK.readyMs !== null && tenK.readyMs <= 1000 : null,
    scenario: { count: 10_000, scenario: 'load' },
  });
  frameTarget(`10k: timeline zoom and pan p95 ≤ ${FRAME_TARGET_MS} ms (map live, the default)`, 10_000, true);
  const vis10 = peer('vis-timeline', 10_000);
  if (tenK?.timelineZoomLive && vis10?.timelineZoom) {
    const ratio = Math.min(
      vis10.timelineZoom.p95 / tenK.timelineZoomLive.p95,
      (vis10.timelinePan?.p95 ?? NaN) / (tenK.timelinePanLive?.p95 ?? NaN),
    );
    targets.push({
      name: '10k: timeline frames ≥ 10× better than vis-timeline (p95, worse of zoom and pan)',
      value: `${ratio.toFixed(1)}×`,
      met: ratio >= 10,
    });
  }
  const hundredK = app(100_000);
  const afterFetch = countedAfterFetch(hundredK, peer(BARE_MAPLIBRE, 100_000));
  targets.push({
    name: '100k: ready ≤ 3 s after the file is fetched (counted from when the file arrives on a page that does not read it early)',
    value: `${seconds(afterFetch)}${hundredK && isNumber(afterFetch) && afterFetch !== hundredK.afterFetchMs ? ` (${seconds(hundredK.afterFetchMs)} after it arrived here, its download lengthened from ${ms(peer(BARE_MAPLIBRE, 100_000)?.downloadMs)} to ${ms(hundredK.downloadMs)} by reading it while it came)` : ''}${hundredK?.loading ? ` (progress ${hundredK.loading.progressShown ? 'shown' : 'not shown'}; longest main-thread task ${ms(hundredK.loading.longestTaskMs)})` : ''}`,
    met: hundredK ? isNumber(afterFetch) && afterFetch <= 3000 : null,
    scenario: { count: 100_000, scenario: 'load' },
  });
  frameTarget(`100k: timeline zoom and pan p95 ≤ ${FRAME_TARGET_MS} ms with the map live (the default)`, 100_000, true);
  frameTarget(`(additional) 100k: the same with the map deferred to the gesture's end`, 100_000, false);
  // The worse of zoom and pan.
  const gaps = [hundredK?.timelineZoomLive?.updates, hundredK?.timelinePanLive?.updates];
  const keepUp = gaps.every(Boolean)
    ? {
        list: { maxGapMs: Math.max(...gaps.map((g) => g!.list.maxGapMs)) },
        map: { maxGapMs: Math.max(...gaps.map((g) => g!.map.maxGapMs)) },
      }
    : null;
  targets.push({
    name: '100k: map and list keep up during a timeline gesture (an update at least every 100 ms)',
    value: keepUp ? `list max gap ${ms(keepUp.list.maxGapMs)}, map max gap ${ms(keepUp.map.maxGapMs)}` : 'not measured',
    met: keepUp ? keepUp.list.maxGapMs <= 100 && keepUp.map.maxGapMs <= 100 : null,
  });
  const mapRatio = (bare: BenchResult | undefined) =>
    hundredK?.mapZoom && hundredK.mapPan && bare?.mapZoom && bare.mapPan
      ? Math.max(hundredK.mapZoom.p95 / bare.mapZoom.p95, hundredK.mapPan.p95 / bare.mapPan.p95)
      : NaN;
  const bareRatio = mapRatio(peer(BARE_MAPLIBRE, 100_000));
  targets.push({
    name: '100k: map frame p95 within 1.25× of bare MapLibre with the same points (worse of zoom and pan)',
    value: isNumber(bareRatio) ? `${bareRatio.toFixed(2)}×` : 'not measured',
    met: isNumber(bareRatio) ? bareRatio <= 1.25 : null,
    scenario: { count: 100_000, scenario: 'map-zoom' },
  });
  const styledRatio = mapRatio(peer(STYLED_MAPLIBRE, 100_000));
  targets.push({
    name: '(additional) 100k: the same, against bare MapLibre drawing the app’s own style and basemap — what the app adds around its map',
    value: isNumber(styledRatio) ? `${styledRatio.toFixed(2)}×` : 'not measured',
    met: isNumber(styledRatio) ? styledRatio <= 1.25 : null,
  });
  targets.push({
    name: '100k: filter change → both views updated ≤ 100 ms (timeline with table and counts; map idle with the new clusters)',
    value: hundredK?.filter ? `timeline ${ms(hundredK.filter.viewsMs)}, map ${ms(hundredK.filter.mapMs)}` : '—',
    met: hundredK?.filter ? Math.max(hundredK.filter.viewsMs, hundredK.filter.mapMs) <= 100 : null,
    scenario: { count: 100_000, scenario: 'filter' },
  });
  targets.push({
    name: '100k: JS heap ≤ 300 MB',
    value: hundredK?.heapMb === undefined ? '—' : `${hundredK.heapMb.toFixed(0)} MB`,
    met: hundredK?.heapMb === undefined ? null : hundredK.heapMb <= 300,
  });
  targets.push({
    name: 'Default view ≤ 900 kB transferred (gzip), MapLibre included',
    value: `${(defaultViewBytes / 1024).toFixed(0)} kB`,
    met: defaultViewBytes <= 900 * 1024,
  });
  return targets;
}

function verdict(met: boolean | null): string {
  return met === null ? 'not measured' : met ? 'met' : '**missed**';
}

export function formatReport(input: ReportInput): string {
  const targets = evaluateTargets(input.results, input.defaultView.bytes);
  const loads = (values: number[]) => values.map((v) => v.toFixed(2)).join(', ');
  const files = [...input.defaultView.files].sort((a, b) => b.bytes - a.bytes);
  return `# Benchmarks

Measured by \`npm run bench${input.quick ? ' -- --quick' : ''}\` on ${input.date}: ${input.machine}, headless
${input.browser}, software WebGL (SwiftShader), viewport 1280×800, gestures of ${input.gestureMs / 1000} s each,
input events paced at about 60 per second. Machine load average (1, 5, 15 min) at the start: ${loads(input.load.start)};
at the end: ${loads(input.load.end)}. The machine has 2 cores shared with other work: absolute times are indicative,
ratios measured side by side in the one run hold better.

One run, one browser: Incident Atlas loads each synthetic file (\`npm run synth\`, seed 42) with \`?data=\`;
vis-timeline and bare MapLibre (the same points, clustered, no basemap) get the same incidents on bench-only pages
(\`bench/pages/\`, never shipped). "Ready" is \`data-status="ready"\` with the map idle (CONTRACTS §9). Frame figures are
requestAnimationFrame intervals during the gesture: p50 / **p95** / max and the share of frames over 16.7 and 50 ms; a
frame target counts as met at p95 ≤ ${FRAME_TARGET_MS} ms. Software WebGL caps any WebGL map near 30 fps here (33 ms
frames): that is the floor for map frames, and any map redraw during a timeline gesture costs such frames.

Timeline gestures are measured twice: with the map following live (the app's default, its incident marks sketched
on a canvas over the map while the timeline moves) and with the map deferred to the end of the gesture
(\`mapDuringGestures: 'deferred'\`). "Updates during zoom" counts the list's and the map's updates during the gesture
and the longest gap between two of them, from the gesture's first input event (its first wheel tick or the press
that starts the drag).

## Targets

| target | measured | verdict |
|---|---|---|
${targets.map((t) => row([t.name, t.value, verdict(t.met)])).join('\n')}

## Loading

${loadingTable(input.results)}

## Timeline gestures

${timelineTable(input.results)}

## Map gestures

${mapTable(input.results)}

## Filter latency (Incident Atlas)

A technique filter is ticked; "timeline, table and counts" is the time until the count and the table have changed
and the next frame (which draws the timeline) has been rendered; the map until it is idle with the new clusters. The
target needs both.

${filterTable(input.results)}

## Default view

${(input.defaultView.bytes / 1024).toFixed(0)} kB transferred (gzip as served) before the bundled dataset is ready:

| file | kB |
|---|---:|
${files.map((f) => row([f.url, (f.bytes / 1024).toFixed(1)])).join('\n')}
${input.analysis ? `\n${input.analysis.trim()}\n` : ''}${
    input.profiles.length > 0
      ? `
## Profiles of missed targets

Recorded by \`npm run bench:profile\` on an unminified build in the same run (MapLibre's own bundle is minified).
Self time is time spent in the function itself; inclusive time includes what it calls.

${input.profiles.map((p) => `### ${p.target}\n\n\`${p.scenario}\`\n\n\`\`\`\n${p.summary}\n\`\`\``).join('\n\n')}
`
      : ''
  }
## Raw numbers

\`\`\`json
${JSON.stringify({ ...input, analysis: undefined, profiles: undefined }, null, 2)}
\`\`\`
`;
}
