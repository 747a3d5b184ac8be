/** The map's light and dark palettes: plain values, shared by the style and the legend. */
export interface MapTheme {
  water: string;
  land: string;
  border: string;
  /** Outline of the hovered or filtered country. */
  countryOutline: string;
  /** Choropleth shades, lightest first (shade 1…4). */
  choropleth: [string, string, string, string];
  label: string;
  labelHalo: string;
  capital: string;
  cluster: string;
  clusterText: string;
  markStroke: string;
  link: string;
  arc: string;
  emphasis: string;
}

export const LIGHT_MAP: MapTheme = {
  water: '#dfe8ef',
  land: '#f7f6f2',
  border: '#a9b0b7',
  countryOutline: '#3f3a8c',
  choropleth: ['#e9e5f3', '#d3cbe7', '#b6a9d5', '#9283bf'],
  label: '#46505b',
  labelHalo: 'rgba(247, 246, 242, 0.9)',
  capital: '#5f6873',
  cluster: '#34404f',
  clusterText: '#ffffff',
  markStroke: '#ffffff',
  link: '#34404f',
  arc: 'rgba(178, 34, 34, 0.75)',
  emphasis: '#111111',
};

export const DARK_MAP: MapTheme = {
  water: '#16202a',
  land: '#2a2f36',
  border: '#5b6570',
  countryOutline: '#c9c1ff',
  choropleth: ['#36344a', '#454063', '#574f80', '#6c61a0'],
  label: '#c5ccd4',
  labelHalo: 'rgba(42, 47, 54, 0.9)',
  capital: '#a3acb6',
  cluster: '#dde3ea',
  clusterText: '#111418',
  markStroke: '#111418',
  link: '#c5ccd4',
  arc: 'rgba(255, 140, 120, 0.8)',
  emphasis: '#ffffff',
};
