/**
 * One colour per technique, shared by the timeline canvas, the map and the legend. Curated
 * techniques have fixed colours (Okabe–Ito and Tableau hues, distinguishable with common colour
 * blindness); a user's own categories get a stable colour from their name.
 */
import { TECHNIQUES, type Technique } from './vocabulary.ts';

const FIXED: Record<Technique, string> = {
  'human-intelligence': '#0072b2',
  'honey-trap': '#cc79a7',
  insider: '#56b4e9',
  'cyber-intrusion': '#d55e00',
  'economic-espionage': '#e69f00',
  'technology-transfer': '#b07aa1',
  'influence-operation': '#009e73',
  'transnational-repression': '#a0522d',
  'legal-instrument': '#6f6f6f',
  'public-warning': '#7f8c1f',
  'diplomatic-response': '#4e79a7',
};

const EXTRA = ['#59a14f', '#edc948', '#af7aa1', '#ff9da7', '#9c755f', '#76b7b2', '#e15759', '#f28e2b'];

function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(hash);
}

export function techniqueColour(technique: string | undefined): string {
  if (technique === undefined) return '#6f6f6f';
  if (Object.hasOwn(TECHNIQUES, technique)) return FIXED[technique as Technique];
  return EXTRA[hashOf(technique) % EXTRA.length];
}
