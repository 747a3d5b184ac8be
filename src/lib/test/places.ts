/** Places for map unit tests. */
import type { PlaceRef } from '../incident-schema.ts';

export const PARIS: PlaceRef = { name: 'Paris', lngLat: [2.35, 48.86], precision: 'city', country: 'FR' };
export const BEIJING: PlaceRef = { name: 'Beijing', lngLat: [116.4, 39.9], precision: 'city', country: 'CN' };
/** A national law: placed at the capital, known only at country level. */
export const CHINA: PlaceRef = { name: 'China', lngLat: [116.4, 39.9], precision: 'country', country: 'CN' };
