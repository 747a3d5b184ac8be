/** Turns benchmark results into BENCHMARKS.md: tables, ratios against peers, targets, raw numbers. */
import type { FrameStats } from './measure.ts';

export interface BenchResult {
  subject: string;
  count: number;
  /** ms from navigation to ready (map settled); null = did not finish within the time limit. */
  readyMs: number | null;
  /** ms from the data file's arrival to ready. */
  afterFetchMs?: number | null;
  heapMb?: number;
  timelineZoom?: FrameStats;
  timelinePan?: FrameStats;
  mapZoom?: FrameStats;
  mapPan?: FrameStats;
  filter?: { viewsMs: number; mapMs: number };
}

export interface ReportInput {
  results: BenchResult[];
  defaultViewBytes: number;
  browser: string;
  machine: string;
  date: string;
  quick: boolean;
  gestureMs: number;
}

/** Frame targets count as met at p95 ≤ 17.7 ms (16.7 ms plus 1 ms of rAF jitter), CONTRACTS §9. */
export const FRAME_TARGET_MS = 17.7;

const ms = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(digits)} ms`;
const seconds = (value: number | null | undefined) =>
  value === null || value === undefined ? 'did not finish' : `${(value / 1000).toFixed(2)} s`;
const frames = (stats?: FrameStats) =>
  stats
    ? `${stats.p50.toFixed(1)} / ${stats.p95.toFixed(1)} / ${stats.max.toFixed(0)} (${(stats.over16 * 100).toFixed(0)}% > 16.7, ${(stats.over50 * 100).toFixed(0)}% > 50)`
    : '—';

function table(results: BenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.subject} | ${r.count.toLocaleString('en')} | ${seconds(r.readyMs)} | ${r.afterFetchMs == null ? '—' : seconds(r.afterFetchMs)} | ${frames(r.timelineZoom)} | ${frames(r.timelinePan)} | ${frames(r.mapZoom)} | ${frames(r.mapPan)} | ${r.filter ? `${ms(r.filter.viewsMs)} / ${ms(r.filter.mapMs)}` : '—'} | ${r.heapMb === undefined ? '—' : `${r.heapMb.toFixed(0)} MB`} |`,
  );
  return [
    '| subject | incidents | ready | ready after fetch | timeline zoom p50 / p95 / max | timeline pan | map zoom | map pan | filter → views / map | JS heap |',
    '|---|---:|---:|---:|---|---|---|---|---|---:|',
    ...rows,
  ].join('\n');
}

function verdict(ok: boolean | null): string {
  return ok === null ? 'not measured' : ok ? 'met' : '**missed**';
}

function targets(input: ReportInput): string {
  const app = (count: number) => input.results.find((r) => r.subject === 'Incident Atlas' && r.count === count);
  const peer = (subject: string, count: number) =>
    input.results.find((r) => r.subject.startsWith(subject) && r.count === count);
  const lines: string[] = [];
  const tenK = app(10_000);
  const vis10 = peer('vis-timeline', 10_000);
  if (tenK) {
    lines.push(
      `- 10k ready ≤ 1.0 s: ${seconds(tenK.readyMs)} — ${verdict(tenK.readyMs === null ? false : tenK.readyMs <= 1000)}`,
    );
    const p95 = Math.max(tenK.timelineZoom?.p95 ?? Infinity, tenK.timelinePan?.p95 ?? Infinity);
    lines.push(
      `- 10k timeline zoom/pan p95 ≤ ${FRAME_TARGET_MS} ms: ${p95.toFixed(1)} ms — ${verdict(p95 <= FRAME_TARGET_MS)}`,
    );
    if (vis10?.timelineZoom)
      lines.push(
        `- 10k vs vis-timeline, zoom p95 ratio: ${(vis10.timelineZoom.p95 / (tenK.timelineZoom?.p95 ?? NaN)).toFixed(1)}× better (target ≥ 10×)`,
      );
  }
  const hundredK = app(100_000);
  if (hundredK) {
    lines.push(
      `- 100k ready ≤ 3 s after the file is fetched: ${seconds(hundredK.afterFetchMs)} — ${verdict(hundredK.afterFetchMs == null ? false : hundredK.afterFetchMs <= 3000)}`,
    );
    const p95 = Math.max(hundredK.timelineZoom?.p95 ?? Infinity, hundredK.timelinePan?.p95 ?? Infinity);
    lines.push(
      `- 100k timeline zoom/pan p95 ≤ ${FRAME_TARGET_MS} ms: ${p95.toFixed(1)} ms — ${verdict(p95 <= FRAME_TARGET_MS)}`,
    );
    const bare = peer('bare MapLibre', 100_000);
    if (bare?.mapZoom && hundredK.mapZoom) {
      const ratio = hundredK.mapZoom.p95 / bare.mapZoom.p95;
      lines.push(
        `- 100k map frame p95 within 1.25× of bare MapLibre: ${ratio.toFixed(2)}× — ${verdict(ratio <= 1.25)}`,
      );
    }
    if (hundredK.filter)
      lines.push(
        `- 100k filter → timeline, table, counts ≤ 100 ms: ${ms(hundredK.filter.viewsMs)} — ${verdict(hundredK.filter.viewsMs <= 100)} (map: ${ms(hundredK.filter.mapMs)})`,
      );
    if (hundredK.heapMb !== undefined)
      lines.push(`- 100k JS heap ≤ 300 MB: ${hundredK.heapMb.toFixed(0)} MB — ${verdict(hundredK.heapMb <= 300)}`);
  }
  lines.push(
    `- Default view ≤ 900 kB transferred (gzip): ${(input.defaultViewBytes / 1024).toFixed(0)} kB — ${verdict(input.defaultViewBytes <= 900 * 1024)}`,
  );
  return lines.join('\n');
}

export function formatReport(input: ReportInput): string {
  return `# Benchmarks

Measured by \`npm run bench${input.quick ? ' -- --quick' : ''}\` on ${input.date}: ${input.machine}, headless ${input.browser},
software WebGL (SwiftShader), viewport 1280×800, gestures of ${input.gestureMs / 1000} s each. One run, one browser:
Incident Atlas loads each synthetic file with \`?data=\`; vis-timeline and bare MapLibre (clustered points, no basemap)
get the same incidents on bench-only pages. Frame figures are requestAnimationFrame intervals (p50 / p95 / max and the
share of frames over 16.7 and 50 ms); a frame target counts as met at p95 ≤ ${FRAME_TARGET_MS} ms (CONTRACTS §9).
Software WebGL caps any WebGL map near 30 fps here (33 ms frames): that is the floor for map frames.

## Results

${table(input.results)}

Default view (bundled dataset, gzip as served): ${(input.defaultViewBytes / 1024).toFixed(0)} kB transferred before ready.

## Targets

${targets(input)}

## Raw numbers

\`\`\`json
${JSON.stringify({ ...input, results: input.results }, null, 2)}
\`\`\`
`;
}
