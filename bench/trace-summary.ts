/**
 * Reads a Chrome trace (from `browser.stopTracing()`) into what explains a slow frame or a slow
 * load: for each thread of the page's renderer (main, parse worker, MapLibre workers), the busiest
 * functions by self time from the sampling profiler, and the long tasks on the main thread.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface FunctionCost {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

export interface ThreadSummary {
  thread: string;
  sampledMs: number;
  /** Busiest functions by self time (idle and program excluded). */
  top: FunctionCost[];
  /** Busiest functions by inclusive time: who is responsible for the work below them. */
  inclusive: FunctionCost[];
}

export interface TraceSummary {
  threads: ThreadSummary[];
  /** Main-thread tasks over 50 ms, in ms. */
  longTasks: number[];
  /** Main-thread time by trace event kind (scripting, layout, paint, GC …), top-level only, ms. */
  mainByKind: Record<string, number>;
}

const IGNORED = new Set(['(idle)', '(program)', '(root)']);

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '');
}

function summariseProfile(nodes: Map<number, ProfileNode>, self: Map<number, number>, limit: number) {
  const selfByKey = new Map<string, FunctionCost>();
  const totalByKey = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = nodes.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (IGNORED.has(name)) continue;
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}:${columnNumber + 1}` : '';
    const key = `${name} ${where}`;
    const cost = selfByKey.get(key) ?? { name, where, selfMs: 0, totalMs: 0 };
    cost.selfMs += ms;
    selfByKey.set(key, cost);
    // Inclusive time: every distinct function on the stack gets the sample once.
    const seen = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = at.parent === undefined ? undefined : nodes.get(at.parent)) {
      const frame = at.callFrame;
      const frameName = frame.functionName || '(anonymous)';
      if (IGNORED.has(frameName)) continue;
      const frameKey = `${frameName} ${frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : ''}`;
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      totalByKey.set(frameKey, (totalByKey.get(frameKey) ?? 0) + ms);
    }
  }
  for (const cost of selfByKey.values()) cost.totalMs = totalByKey.get(`${cost.name} ${cost.where}`) ?? cost.selfMs;
  const top = [...selfByKey.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, limit);
  const inclusive = [...totalByKey.entries()]
    .map(([key, totalMs]) => {
      const space = key.indexOf(' ');
      return {
        name: key.slice(0, space),
        where: key.slice(space + 1),
        selfMs: selfByKey.get(key)?.selfMs ?? 0,
        totalMs,
      };
    })
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, limit);
  return { top, inclusive };
}

/** The script a thread spent most samples in, to tell the parse worker from MapLibre's. */
function mainScript(nodes: Map<number, ProfileNode>, self: Map<number, number>): string {
  const byUrl = new Map<string, number>();
  for (const [id, ms] of self) {
    const url = nodes.get(id)?.callFrame.url;
    if (url) byUrl.set(url, (byUrl.get(url) ?? 0) + ms);
  }
  const top = [...byUrl].sort((a, b) => b[1] - a[1])[0];
  return top ? `, mostly ${shortUrl(top[0])}` : '';
}

/** Summarises a trace recorded with the `disabled-by-default-v8.cpu_profiler` category. */
export function summariseTrace(traceJson: string, limit = 20): TraceSummary {
  const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name')
      threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  }
  // Samples arrive on the profiler's own thread; the `Profile` event with the same id names the
  // thread that was sampled.
  const sampledThread = new Map<string, string>();
  for (const event of events) {
    if (event.name === 'Profile') sampledThread.set(`${event.pid}:${event.id}`, `${event.pid}:${event.tid}`);
  }
  const profiles = new Map<
    string,
    { thread: string; nodes: Map<number, ProfileNode>; self: Map<number, number>; sampledMs: number }
  >();
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || !event.args?.data) continue;
    const key = `${event.pid}:${event.id}`;
    let profile = profiles.get(key);
    if (!profile) {
      const thread = sampledThread.get(key) ?? `${event.pid}:${event.tid}`;
      profile = {
        thread: `${threadNames.get(thread) ?? 'thread'} (${thread})`,
        nodes: new Map(),
        self: new Map(),
        sampledMs: 0,
      };
      profiles.set(key, profile);
    }
    const { cpuProfile, timeDeltas = [] } = event.args.data;
    for (const node of cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    (cpuProfile?.samples ?? []).forEach((id, i) => {
      const ms = (timeDeltas[i] ?? 0) / 1000;
      profile.sampledMs += ms;
      profile.self.set(id, (profile.self.get(id) ?? 0) + ms);
    });
  }
  const threads = [...profiles.values()]
    .map((profile) => ({
      thread: `${profile.thread}${mainScript(profile.nodes, profile.self)}`,
      sampledMs: profile.sampledMs,
      ...summariseProfile(profile.nodes, profile.self, limit),
    }))
    .filter((thread) => thread.top.length > 0)
    .sort((a, b) => b.top.reduce((s, c) => s + c.selfMs, 0) - a.top.reduce((s, c) => s + c.selfMs, 0));

  const mains = [...threadNames.entries()].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key);
  const longTasks: number[] = [];
  const mainByKind: Record<string, number> = {};
  for (const event of events) {
    if (event.ph !== 'X' || !mains.includes(`${event.pid}:${event.tid}`)) continue;
    const ms = (event.dur ?? 0) / 1000;
    if (event.name === 'RunTask' && ms > 50) longTasks.push(Math.round(ms));
    if (
      [
        'FunctionCall',
        'EvaluateScript',
        'v8.compile',
        'MajorGC',
        'MinorGC',
        'V8.GC_MC_BACKGROUND_MARKING',
        'Layout',
        'UpdateLayoutTree',
        'Paint',
        'PrePaint',
        'Layerize',
        'ParseHTML',
        'FireAnimationFrame',
        'TimerFire',
        'EventDispatch',
        'v8.run',
        'HandlePostMessage',
      ].includes(event.name)
    )
      mainByKind[event.name] = (mainByKind[event.name] ?? 0) + ms;
  }
  for (const key of Object.keys(mainByKind)) mainByKind[key] = Math.round(mainByKind[key]);
  return { threads, longTasks: longTasks.sort((a, b) => b - a), mainByKind };
}

/** A plain-text report of a summary, for the terminal and for BENCHMARKS.md. */
export function formatTraceSummary(summary: TraceSummary, limit = 12): string {
  const lines: string[] = [];
  lines.push(`long main-thread tasks (ms): ${summary.longTasks.slice(0, 20).join(', ') || 'none'}`);
  lines.push(
    `main thread by kind (ms, nested kinds overlap): ${Object.entries(summary.mainByKind)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, ms]) => `${kind} ${ms}`)
      .join(', ')}`,
  );
  for (const thread of summary.threads.slice(0, 4)) {
    lines.push('', `${thread.thread}: ${Math.round(thread.sampledMs)} ms sampled; self time:`);
    for (const cost of thread.top.slice(0, limit))
      lines.push(`  ${cost.selfMs.toFixed(0).padStart(6)} ms  ${cost.name}  ${cost.where}`);
    lines.push(`  inclusive:`);
    for (const cost of thread.inclusive.slice(0, limit))
      lines.push(`  ${cost.totalMs.toFixed(0).padStart(6)} ms  ${cost.name}  ${cost.where}`);
  }
  return lines.join('\n');
}
