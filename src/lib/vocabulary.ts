/**
 * The curated dataset's controlled vocabularies, defined once. A user's own dataset may bring other
 * values: those are kept and labelled from the value itself (see `labelOf`).
 */

export const TECHNIQUES = {
  'human-intelligence': 'Human intelligence',
  'honey-trap': 'Honey trap',
  insider: 'Insider',
  'cyber-intrusion': 'Cyber intrusion',
  'economic-espionage': 'Economic espionage',
  'technology-transfer': 'Technology transfer',
  'influence-operation': 'Influence operation',
  'transnational-repression': 'Transnational repression',
  'legal-instrument': 'Legal instrument',
  'public-warning': 'Public warning',
  'diplomatic-response': 'Diplomatic response',
} as const;
export type Technique = keyof typeof TECHNIQUES;

export const STATUSES = {
  alleged: 'Alleged',
  reported: 'Reported',
  charged: 'Charged',
  convicted: 'Convicted',
  attributed: 'Attributed',
  'official-statement': 'Official statement',
  enacted: 'Enacted',
} as const;
export type Status = keyof typeof STATUSES;

/** What each status establishes, in one line for the detail panel and the legend. */
export const STATUS_MEANINGS: Record<Status, string> = {
  alleged: 'Claimed by an official or a party; not tested in court.',
  reported: 'Reported by media or an NGO; no official confirmation.',
  charged: 'Formal charges were brought.',
  convicted: 'A court convicted someone.',
  attributed: 'A government or agency attributed the activity.',
  'official-statement': 'A government or agency said so publicly.',
  enacted: 'A law or rule was adopted.',
};

export const OUTCOMES = {
  'charges-dropped': 'Charges dropped',
  'investigation-closed': 'Investigation closed',
  'convicted-other-offence': 'Convicted of another offence',
  'appeal-pending': 'Appeal pending',
} as const;
export type Outcome = keyof typeof OUTCOMES;

/** Targets that are not states. */
export const ORGANISATIONS = [
  'EU',
  'NATO',
  'European Parliament',
  'European Commission',
  'European Banking Authority',
  'Council of the EU',
  'IPAC',
] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

export const PLACE_PRECISIONS = ['site', 'city', 'country'] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];

const LABELS: Record<string, string> = { ...TECHNIQUES, ...STATUSES, ...OUTCOMES };

/** A readable label for a vocabulary value, or the value itself with dashes as spaces. */
export function labelOf(value: string): string {
  const known = LABELS[value];
  if (known) return known;
  const spaced = value.replace(/[-_]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function isTechnique(value: string): value is Technique {
  return Object.hasOwn(TECHNIQUES, value);
}
export function isStatus(value: string): value is Status {
  return Object.hasOwn(STATUSES, value);
}
