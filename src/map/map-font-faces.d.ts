// Generated at build time by scripts/vite-map-fonts.ts: the style's `font-faces`.
declare module 'virtual:map-font-faces' {
  const fontFaces: Record<string, { url: string; 'unicode-range': string[] }[]>;
  export default fontFaces;
}

// Generated at build time by scripts/vite-country-labels.ts: the basemap's country labels.
declare module 'virtual:country-labels/coarse' {
  const labels: import('../lib/map-labels.ts').CountryLabels;
  export default labels;
}
declare module 'virtual:country-labels/fine' {
  const labels: import('../lib/map-labels.ts').CountryLabels;
  export default labels;
}
