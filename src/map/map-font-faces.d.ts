// Generated at build time by scripts/vite-map-fonts.ts: the style's `font-faces`.
declare module 'virtual:map-font-faces' {
  const fontFaces: Record<string, { url: string; 'unicode-range': string[] }[]>;
  export default fontFaces;
}
