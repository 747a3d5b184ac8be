/**
 * The `<incident-atlas>` element's attributes as reactive state, and as the link they describe.
 * Attributes use the address's names and values (CONTRACTS §4), unencoded: `country="EE,FR"`,
 * with one exception: `id` is every HTML element's own identifier, so the selected incident is
 * the `incident` attribute.
 */
import { parseUrlState, type UrlError, type UrlState } from '../lib/url-state.ts';
import type { ViewPart } from '../state/view-params.svelte.ts';

/** Attributes that are view parameters, grouped by the part of the view each one sets. */
const PARTS: Record<string, ViewPart | 'dataset'> = {
  data: 'dataset',
  format: 'dataset',
  cols: 'dataset',
  q: 'filters',
  country: 'filters',
  technique: 'filters',
  status: 'filters',
  org: 'filters',
  from: 'window',
  to: 'window',
  map: 'map',
  lanes: 'lanes',
  incident: 'id',
  theme: 'theme',
};
/** The address parameter an attribute stands for, where the names differ. */
const PARAM_OF: Record<string, string> = { incident: 'id' };
export const paramOf = (attribute: string): string => PARAM_OF[attribute] ?? attribute;
export const LINK_ATTRIBUTES = Object.keys(PARTS);
/** `height`: a CSS length or a number of px; the atlas scrolls inside it. `label`: names the region. */
export const OBSERVED_ATTRIBUTES = [...LINK_ATTRIBUTES, 'height', 'label'];

export class AttributeBag {
  values = $state.raw<Record<string, string | null>>({});

  set(name: string, value: string | null): void {
    if (this.values[name] !== value) this.values = { ...this.values, [name]: value };
  }

  readAll(element: Element): void {
    this.values = Object.fromEntries(OBSERVED_ATTRIBUTES.map((name) => [name, element.getAttribute(name)]));
  }
}

/** The link the attributes describe, with what could not be used. */
export function linkOfAttributes(values: Record<string, string | null>): { state: UrlState; errors: UrlError[] } {
  const params = new URLSearchParams();
  for (const name of LINK_ATTRIBUTES) {
    const value = values[name];
    if (value !== null && value !== undefined) params.set(paramOf(name), value);
  }
  return parseUrlState(params.toString());
}

/** The view parameters whose attribute changed between two sets of values. */
export function changedAttributes(
  before: Record<string, string | null>,
  after: Record<string, string | null>,
): string[] {
  return LINK_ATTRIBUTES.filter((name) => (before[name] ?? null) !== (after[name] ?? null));
}

/** The part of the view an attribute sets. */
export const partOf = (name: string): ViewPart | 'dataset' => PARTS[name];

/** The `height` attribute as CSS: `600` → `600px`; a CSS length passes through; anything else is ignored. */
export function heightOfAttribute(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d{1,5}$/.test(text)) return `${text}px`;
  if (/^\d{1,5}(\.\d+)?(px|em|rem|vh|svh|dvh|%)$/.test(text)) return text;
  return null;
}
