/** Clusters merge points closer than this, and stop merging past this zoom (map-clusters.ts). */
export const CLUSTER_RADIUS_PX = 36;
export const CLUSTER_MAX_ZOOM = 10;

/** Names of the map style's sources and layers, shared by the style and the code that feeds and reads it. */
export const SOURCES = {
  countries: 'countries',
  /** Only the hovered and the filtered countries, for their outlines. */
  countryHighlight: 'country-highlight',
  countryLabels: 'country-labels',
  capitals: 'capitals',
  arcs: 'arcs',
  /** The incidents' marks: clusters, points, their other places (`secondary`) and the lines tying those. */
  incidents: 'incidents',
  focus: 'incident-focus',
  focusLinks: 'incident-focus-links',
} as const;

/** The property that marks an incident's other place (after its first) in the incidents source. */
export const SECONDARY = 'secondary';

export const LAYERS = {
  countryFill: 'country-fill',
  countryOutline: 'country-outline',
  arcs: 'arcs',
  countryLabels: 'country-labels',
  capitalLabels: 'capital-labels',
  clusters: 'incident-clusters',
  clusterCounts: 'incident-cluster-counts',
  points: 'incident-points',
  secondary: 'incident-secondary',
  links: 'place-links',
  hovered: 'incident-hovered',
  selected: 'incident-selected',
} as const;
