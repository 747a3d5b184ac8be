/**
 * The timeline's own state, shared by its plot, toolbar and overview: the columnar index and
 * layout derived from the atlas, the window being drawn, keyboard focus and hover.
 *
 * `atlas.window` stays the one time filter. While a gesture or an animation runs, the timeline
 * draws a *live* window every frame and commits it to the atlas about every 80 ms (and once more
 * when the gesture ends), so the list and counts (and the map, when `atlas.mapDuringGestures` is
 * `live`) follow without being recomputed on every frame of a zoom. When updating the views takes
 * long, commits are spaced to a few times that cost, so the timeline keeps its frame rate. The
 * map's own work is not counted: it sends its points after a paint and MapLibre merges updates
 * that arrive while it is busy.
 */
import { flushSync } from 'svelte';
import type { TimeWindow } from '../lib/filter.ts';
import { markMoment } from '../lib/mark-moment.ts';
import { centreWindow, interpolateWindow, paddedWindow, panWindow, zoomWindow } from '../lib/time-scale.ts';
import { buildTimelineIndex, entryInLane, lowerBoundInLane } from '../lib/timeline-index.ts';
import { timeOrderOf } from '../lib/time-order.ts';
import { LayoutCache, layoutOptionsFor, layoutTimeline, planLanes } from '../lib/timeline-layout.ts';
import { locateEntry, type Hit } from '../lib/timeline-locate.ts';
import type { AtlasState } from '../state/atlas-state.svelte.ts';

/**
 * The time from the start of one commit of a running gesture to the next, when the views can keep
 * up: with a frame of timer lateness, the commit's own cost and the map's update after the paint,
 * the list, counts and map still update at least every 100 ms. (At 75 ms the map's updates came
 * 90–100 ms apart at 100,000 incidents; at 65, 80–98 ms, and the timeline's frames the same.)
 */
export const COMMIT_INTERVAL_MS = 65;
/** Commits are at least this many times their usual cost apart. */
const COMMIT_COST_FACTOR = 4;
/**
 * How much of a commit's cost goes into the usual cost. One slow commit (a collection, the list's
 * first rows at a new zoom) used to set the next one's spacing alone: 23 ms once in a run of 10s
 * put 92 ms between two updates of the list and the map.
 */
const COMMIT_COST_WEIGHT = 0.25;
const ANIMATION_MS = 280;

const easeInOut = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

export class TimelineView {
  readonly atlas: AtlasState;
  readonly #reducedMotion: () => boolean;
  /** Plot width in CSS px (bound to the plot element). */
  widthPx = $state(0);
  /** The window drawn while a gesture or animation leads the atlas; null when they agree. */
  #live = $state.raw<TimeWindow | null>(null);
  #commitTimer: ReturnType<typeof setTimeout> | undefined;
  /** How long the views take to follow a commit, ms: a moving average over the last few. */
  #commitCost = 0;
  /** When the last commit started (`performance.now()`). */
  #lastCommitStart = -Infinity;
  #frame = 0;
  #target: TimeWindow | null = null;
  /** The incident the keyboard is on, and the lane it was reached in. */
  focus = $state.raw<{ id: string; laneKey: string } | null>(null);
  /** What the pointer is over. */
  hover = $state.raw<Hit | null>(null);

  constructor(atlas: AtlasState, reducedMotion: () => boolean) {
    this.atlas = atlas;
    this.#reducedMotion = reducedMotion;
  }

  // Derived fields read `this.atlas` inside functions, evaluated lazily after the constructor ran.
  window: TimeWindow | null = $derived.by(() => this.#live ?? this.atlas.window);
  /** The window at zoom 1: the whole dataset with a margin. */
  base: TimeWindow | null = $derived.by(() => (this.atlas.extent ? paddedWindow(this.atlas.extent) : null));
  #order = $derived.by(() => timeOrderOf(this.atlas.incidents));
  index = $derived.by(() =>
    buildTimelineIndex(
      this.#order,
      this.atlas.filtering.filteredMask,
      this.atlas.lanes,
      this.atlas.extent?.toMs ?? Date.now(),
    ),
  );
  #options = $derived.by(() => layoutOptionsFor(this.index.lanes.length, this.widthPx));
  cache = $derived.by(() => new LayoutCache(this.index, this.#options));
  plan = $derived.by(() =>
    this.base && this.widthPx > 0
      ? planLanes(this.cache, (this.base.toMs - this.base.fromMs) / this.widthPx, this.#options)
      : null,
  );
  layout = $derived.by(() =>
    this.plan && this.window && this.index.incidents.length > 0
      ? layoutTimeline(this.cache, this.plan, this.window, this.widthPx)
      : null,
  );
  /** How the lanes are drawn at this zoom: all as marks, all as bins, or some of each. */
  lod = $derived.by((): 'marks' | 'bins' | 'mixed' => {
    const lanes = this.layout?.lod ?? [];
    if (!lanes.includes('bins')) return 'marks';
    return lanes.includes('marks') ? 'mixed' : 'bins';
  });

  /** The entry keyboard focus is on: the focused incident, else the selected one, else the first in view. */
  activeEntry: number = $derived.by(() => {
    const index = this.index;
    if (index.incidents.length === 0) return -1;
    const id = this.focus?.id ?? this.atlas.selectedId;
    const position = id === null ? undefined : index.positionOf.get(id);
    if (position !== undefined) {
      const lane = this.focus ? index.lanes.findIndex((candidate) => candidate.key === this.focus!.laneKey) : -1;
      return entryInLane(index, position, lane);
    }
    const first = this.window ? lowerBoundInLane(index, 0, this.window.fromMs) : 0;
    return first < index.laneOffsets[1] ? first : 0;
  });
  active = $derived.by(() =>
    this.layout && this.activeEntry >= 0 ? locateEntry(this.cache, this.layout, this.activeEntry) : null,
  );

  /** A gesture asks for `window`: it takes over from any animation; draw it now, commit it soon. */
  preview(window: TimeWindow): void {
    this.#stopAnimation();
    this.#show(window);
  }

  #show(window: TimeWindow): void {
    this.#live = window;
    this.atlas.timelineMoving = true;
    if (this.#commitTimer !== undefined) return;
    // Counted from the last commit, so a gesture's updates keep their rhythm (the first one goes at once).
    const due = this.#lastCommitStart + Math.max(COMMIT_INTERVAL_MS, COMMIT_COST_FACTOR * this.#commitCost);
    this.#commitTimer = setTimeout(
      () => {
        this.#commitTimer = undefined;
        if (this.#live) this.#commit(this.#live);
      },
      Math.max(0, due - performance.now()),
    );
  }

  #commit(window: TimeWindow): void {
    const started = performance.now();
    // The views update here and now, so what they cost is what is measured.
    flushSync(() => (this.atlas.window = window));
    markMoment('atlas:window-commit');
    this.#lastCommitStart = started;
    this.#commitCost += COMMIT_COST_WEIGHT * (performance.now() - started - this.#commitCost);
  }

  /** The gesture ended: commit what it shows. */
  settle(): void {
    clearTimeout(this.#commitTimer);
    this.#commitTimer = undefined;
    if (this.#live) this.#commit(this.#live);
    this.#live = null;
    this.atlas.timelineMoving = false;
  }

  /** Moves to `target`, animated unless the reader prefers reduced motion. */
  animateTo(target: TimeWindow): void {
    const from = this.window;
    this.#stopAnimation();
    if (!from || this.#reducedMotion()) {
      this.#live = null;
      this.atlas.timelineMoving = false;
      this.atlas.window = target;
      return;
    }
    this.#target = target;
    const started = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - started) / ANIMATION_MS);
      this.#show(interpolateWindow(from, target, easeInOut(t)));
      if (t < 1) {
        this.#frame = requestAnimationFrame(step);
        return;
      }
      this.#frame = 0;
      this.#target = null;
      this.settle();
    };
    this.#frame = requestAnimationFrame(step);
  }

  #stopAnimation(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#target = null;
  }

  /** Where the next zoom or pan starts: the end of a running animation, so repeated keys add up. */
  #current(): TimeWindow | null {
    return this.#target ?? this.window;
  }

  zoomBy(factor: number, anchorMs?: number): void {
    const window = this.#current();
    if (window) this.animateTo(zoomWindow(window, factor, anchorMs));
  }

  pan(fraction: number): void {
    const window = this.#current();
    if (window) this.animateTo(panWindow(window, fraction));
  }

  /** Frames `[fromMs, toMs)` with a margin (a cluster or a bin the reader opened). */
  zoomTo(fromMs: number, toMs: number): void {
    this.animateTo(paddedWindow({ fromMs, toMs }, 0.1));
  }

  /** Puts keyboard focus on an entry, bringing it into view when it lies outside the window. */
  focusEntry(entry: number): void {
    const index = this.index;
    const i = index.entryIncident[entry];
    this.focus = { id: index.incidents[i].id, laneKey: index.lanes[index.entryLane[entry]].key };
    const window = this.#current();
    if (window && (index.start[i] >= window.toMs || index.end[i] <= window.fromMs)) {
      this.animateTo(centreWindow(window, index.start[i]));
    }
  }

  destroy(): void {
    this.#stopAnimation();
    clearTimeout(this.#commitTimer);
    this.atlas.timelineMoving = false;
  }
}
