/**
 * The DOM events an `<incident-atlas>` element sends its host page, whatever caused the change (a
 * reader's click or the host's own attribute): `incidentselect`, `filterchange` and `viewchange`
 * (debounced, as pan and zoom change the view every frame). Nothing is sent until the atlas is
 * first ready, so the opening view is not reported as a change.
 */
import { untrack } from 'svelte';
import type { Filters } from '../lib/filter.ts';
import { formatMapView, formatUrlDay, roundWindowToDays, type UrlMapView } from '../lib/url-values.ts';
import type { AtlasState } from '../state/atlas-state.svelte.ts';

export interface FilterChangeDetail {
  /** The filters, under the attribute names. */
  filters: { country: string[]; technique: string[]; status: string[]; org: string[]; q: string };
  /** Incidents shown now (filters and time window). */
  count: number;
  /** Incidents in the dataset. */
  total: number;
}

export interface IncidentSelectDetail {
  id: string | null;
  incident: { id: string; title: string; date: string; status: string | null } | null;
}

export interface ViewChangeDetail {
  /** First and last day shown (inclusive), as the `from` and `to` attributes take them. */
  from: string | null;
  to: string | null;
  map: UrlMapView | null;
  lanes: string;
}

const filterDetail = (filters: Filters) => ({
  country: filters.countries,
  technique: filters.techniques,
  status: filters.statuses,
  org: filters.orgs,
  q: filters.query,
});

export interface AtlasEventsOptions {
  /** Quiet time after the last pan or zoom before `viewchange`, in ms. @default 250 */
  viewDelayMs?: number;
}

/** Sends the events from `target`. Call during component initialisation. */
export function dispatchAtlasEvents(atlas: AtlasState, target: HTMLElement, options: AtlasEventsOptions = {}): void {
  const { viewDelayMs = 250 } = options;
  let ready = $state(false);
  $effect(() => {
    if (atlas.status === 'ready') ready = true;
  });

  const send = <T>(type: string, detail: T) =>
    target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));

  /** Calls `onchange` whenever `key` changes after the atlas is first ready. */
  function whenChanged(key: () => string, onchange: () => void) {
    let last: string | null = null;
    $effect(() => {
      const current = key();
      if (!ready) return;
      if (last !== null && current !== last) untrack(onchange);
      last = current;
    });
  }

  whenChanged(
    () => JSON.stringify(atlas.filters),
    () =>
      send<FilterChangeDetail>('filterchange', {
        filters: filterDetail(atlas.filters),
        count: atlas.visible.length,
        total: atlas.incidents.length,
      }),
  );

  whenChanged(
    () => atlas.selectedId ?? '',
    () => {
      const incident = atlas.selected;
      send<IncidentSelectDetail>('incidentselect', {
        id: atlas.selectedId,
        incident: incident
          ? { id: incident.id, title: incident.title, date: incident.date, status: incident.status ?? null }
          : null,
      });
    },
  );

  const viewDetail = (): ViewChangeDetail => {
    const days = atlas.window ? roundWindowToDays(atlas.window) : null;
    return {
      from: days ? formatUrlDay(days.fromMs) : null,
      to: days ? formatUrlDay(days.toMs - 86_400_000) : null,
      map: atlas.mapView,
      lanes: atlas.lanes,
    };
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  whenChanged(
    () => {
      const detail = viewDetail();
      return `${detail.from}/${detail.to}/${detail.map ? formatMapView(detail.map) : ''}/${detail.lanes}`;
    },
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => send<ViewChangeDetail>('viewchange', viewDetail()), viewDelayMs);
    },
  );
  $effect(() => () => clearTimeout(timer));
}
