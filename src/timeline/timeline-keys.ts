/**
 * The timeline's keyboard model (one tab stop, roving focus over canvas marks): arrows move
 * between incidents — left and right along a lane in time order, up and down across lanes —
 * Home and End go to a lane's ends (with Ctrl/⌘: the earliest and latest incident), + and −
 * zoom around the focused incident, Page Up and Page Down pan, Enter or Space opens, Escape
 * clears. Every pointer gesture has one of these as its alternative (WCAG 2.5.7).
 */
import { laneEdge, stepAcrossLanes, stepInLane, timeEdge } from '../lib/timeline-navigation.ts';
import type { TimelineView } from './timeline-view.svelte.ts';

/** Zooms around the focused incident when it is in view, else around the middle. */
function zoomAroundFocus(view: TimelineView, factor: number): void {
  const window = view.window;
  const entry = view.activeEntry;
  const rect = view.active?.rect;
  const inView = rect !== undefined && rect.x + rect.width >= 0 && rect.x <= view.widthPx;
  if (!window || entry < 0 || !inView) return view.zoomBy(factor);
  const i = view.index.entryIncident[entry];
  const anchor = (Math.max(view.index.start[i], window.fromMs) + Math.min(view.index.end[i], window.toMs)) / 2;
  view.zoomBy(factor, anchor);
}

/** Handles a key pressed on the timeline; false when the key is not the timeline's (let it bubble). */
export function handleTimelineKey(view: TimelineView, event: KeyboardEvent): boolean {
  const { index, atlas } = view;
  const entry = view.activeEntry;
  const lanes = index.lanes.length > 1;
  const move = (next: (from: number) => number) => {
    if (entry >= 0) view.focusEntry(next(entry));
  };
  switch (event.key) {
    case 'ArrowRight':
      move((from) => stepInLane(index, from, 1));
      return true;
    case 'ArrowLeft':
      move((from) => stepInLane(index, from, -1));
      return true;
    case 'ArrowDown':
      move((from) => (lanes ? stepAcrossLanes(index, from, 1) : stepInLane(index, from, 1)));
      return true;
    case 'ArrowUp':
      move((from) => (lanes ? stepAcrossLanes(index, from, -1) : stepInLane(index, from, -1)));
      return true;
    case 'Home':
    case 'End': {
      const edge = event.key === 'Home' ? 'first' : 'last';
      const global = event.ctrlKey || event.metaKey;
      move((from) => (global ? timeEdge(index, edge) : laneEdge(index, index.entryLane[from], edge)));
      return true;
    }
    case '+':
    case '=':
      zoomAroundFocus(view, 2);
      return true;
    case '-':
    case '_':
      zoomAroundFocus(view, 0.5);
      return true;
    case 'PageUp':
      view.pan(-0.5);
      return true;
    case 'PageDown':
      view.pan(0.5);
      return true;
    case 'Enter':
    case ' ':
      if (entry >= 0) atlas.select(index.incidents[index.entryIncident[entry]].id);
      return true;
    case 'Escape':
      if (view.focus === null && atlas.selectedId === null) return false;
      view.focus = null;
      atlas.select(null);
      return true;
    default:
      return false;
  }
}
