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

/** What each technique covers, for the "About this data" panel. */
export const TECHNIQUE_MEANINGS: Record<Technique, string> = {
  'human-intelligence': 'Recruiting or running people to obtain information.',
  'honey-trap': 'Recruitment through a romantic or sexual relationship.',
  insider: 'Someone inside an organisation passing on what they have access to.',
  'cyber-intrusion': 'Breaking into computer systems or networks.',
  'economic-espionage': 'Stealing trade secrets, research or technology.',
  'technology-transfer': 'Moving controlled technology abroad, e.g. breaking export rules.',
  'influence-operation': 'Covertly shaping politics or public debate.',
  'transnational-repression': 'Watching, pressuring or coercing diaspora communities and dissidents abroad.',
  'legal-instrument': 'A law or legal power that enables or compels intelligence work.',
  'public-warning': 'An official warning, assessment or report made public.',
  'diplomatic-response': 'Expulsions, summonses, sanctions and other state responses.',
};

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
  attributed: 'A government, an agency or the company affected publicly named a state or group as responsible.',
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

/** What each outcome adds to a status. */
export const OUTCOME_MEANINGS: Record<Outcome, string> = {
  'charges-dropped': 'The prosecution was discontinued before a verdict.',
  'investigation-closed': 'Investigators closed the case without charges.',
  'convicted-other-offence': 'Convicted, but of an offence other than the one first alleged.',
  'appeal-pending': 'Convicted at first instance; an appeal is under way.',
};

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

/** What a place's point stands for. */
export const PRECISION_MEANINGS: Record<PlacePrecision, string> = {
  site: 'a named building, street or airport, to about a kilometre',
  city: "the city's centre as GeoNames gives it, not the exact spot",
  country: 'no particular place: a point inside the country (usually its capital) stands for the whole',
};

const LABELS: Record<string, string> = { ...TECHNIQUES, ...STATUSES, ...OUTCOMES };

/** A readable label for a vocabulary value, or the value itself with dashes as spaces. */
export function labelOf(value: string): string {
  // Own keys only: `__proto__` or `constructor` from a user's file must not read the prototype.
  const known = Object.hasOwn(LABELS, value) ? LABELS[value] : undefined;
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
export function isOutcome(value: string): value is Outcome {
  return Object.hasOwn(OUTCOMES, value);
}
