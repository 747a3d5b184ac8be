/**
 * Capital cities for the basemap's labels: the region the atlas frames (Europe, the Middle East
 * and North Africa round the Mediterranean, Central and East Asia).
 *
 * Source and licence: compiled by hand for Incident Atlas from public facts (which city is the
 * seat of government; approximate city-centre coordinates to 0.01°), dedicated to the public
 * domain (CC0 1.0). Each point is checked by a unit test to lie inside its country's Natural
 * Earth polygon. Seats follow Natural Earth's "Admin-0 capital" places; capitals whose status is
 * disputed between states (Jerusalem) are left out rather than decided here.
 */
export interface Capital {
  /** ISO 3166-1 alpha-2 of the country. */
  country: string;
  name: string;
  /** The name in Chinese characters, drawn beside the Latin one where the local script is Chinese. */
  nameZh?: string;
  lngLat: [number, number];
  /** 1: labelled from the first view; 2: once zoomed in. */
  rank: 1 | 2;
}

const c = (country: string, name: string, lng: number, lat: number, rank: 1 | 2 = 2, nameZh?: string): Capital => ({
  country,
  name,
  lngLat: [lng, lat],
  rank,
  ...(nameZh ? { nameZh } : {}),
});

export const CAPITALS: readonly Capital[] = [
  // Europe
  c('AL', 'Tirana', 19.82, 41.33),
  c('AD', 'Andorra la Vella', 1.52, 42.51),
  c('AT', 'Vienna', 16.37, 48.21),
  c('BY', 'Minsk', 27.56, 53.9),
  c('BE', 'Brussels', 4.35, 50.85),
  c('BA', 'Sarajevo', 18.41, 43.86),
  c('BG', 'Sofia', 23.32, 42.7),
  c('HR', 'Zagreb', 15.98, 45.81),
  c('CY', 'Nicosia', 33.37, 35.14),
  c('CZ', 'Prague', 14.42, 50.09),
  c('DK', 'Copenhagen', 12.57, 55.68),
  c('EE', 'Tallinn', 24.75, 59.44),
  c('FI', 'Helsinki', 24.94, 60.17),
  c('FR', 'Paris', 2.35, 48.86, 1),
  c('DE', 'Berlin', 13.4, 52.52, 1),
  c('GR', 'Athens', 23.73, 37.98),
  c('HU', 'Budapest', 19.04, 47.5),
  c('IS', 'Reykjavík', -21.94, 64.15),
  c('IE', 'Dublin', -6.26, 53.35),
  c('IT', 'Rome', 12.5, 41.9),
  c('XK', 'Pristina', 21.17, 42.66),
  c('LV', 'Riga', 24.11, 56.95),
  c('LI', 'Vaduz', 9.52, 47.14),
  c('LT', 'Vilnius', 25.28, 54.69),
  c('LU', 'Luxembourg', 6.13, 49.61),
  c('MT', 'Valletta', 14.51, 35.9),
  c('MD', 'Chișinău', 28.86, 47.01),
  c('ME', 'Podgorica', 19.26, 42.44),
  c('NL', 'Amsterdam', 4.9, 52.37),
  c('MK', 'Skopje', 21.43, 42.0),
  c('NO', 'Oslo', 10.75, 59.91),
  c('PL', 'Warsaw', 21.01, 52.23),
  c('PT', 'Lisbon', -9.14, 38.72),
  c('RO', 'Bucharest', 26.1, 44.43),
  c('RU', 'Moscow', 37.62, 55.76, 1),
  c('SM', 'San Marino', 12.45, 43.94),
  c('RS', 'Belgrade', 20.46, 44.79),
  c('SK', 'Bratislava', 17.11, 48.15),
  c('SI', 'Ljubljana', 14.51, 46.06),
  c('ES', 'Madrid', -3.7, 40.42),
  c('SE', 'Stockholm', 18.07, 59.33),
  c('CH', 'Bern', 7.45, 46.95),
  c('UA', 'Kyiv', 30.52, 50.45),
  c('GB', 'London', -0.13, 51.51, 1),
  c('TR', 'Ankara', 32.85, 39.93),
  c('GE', 'Tbilisi', 44.79, 41.72),
  c('AM', 'Yerevan', 44.51, 40.18),
  c('AZ', 'Baku', 49.87, 40.41),
  // Middle East and North Africa
  c('IR', 'Tehran', 51.39, 35.69),
  c('IQ', 'Baghdad', 44.37, 33.31),
  c('SY', 'Damascus', 36.29, 33.51),
  c('LB', 'Beirut', 35.5, 33.89),
  c('JO', 'Amman', 35.93, 31.95),
  c('SA', 'Riyadh', 46.68, 24.71),
  c('EG', 'Cairo', 31.24, 30.04),
  c('LY', 'Tripoli', 13.19, 32.89),
  c('TN', 'Tunis', 10.18, 36.81),
  c('DZ', 'Algiers', 3.06, 36.75),
  c('MA', 'Rabat', -6.84, 34.02),
  // Central, South and East Asia
  c('KZ', 'Astana', 71.45, 51.17),
  c('UZ', 'Tashkent', 69.24, 41.3),
  c('TM', 'Ashgabat', 58.38, 37.95),
  c('KG', 'Bishkek', 74.59, 42.87),
  c('TJ', 'Dushanbe', 68.78, 38.56),
  c('AF', 'Kabul', 69.18, 34.53),
  c('PK', 'Islamabad', 73.05, 33.68),
  c('IN', 'New Delhi', 77.21, 28.61),
  c('NP', 'Kathmandu', 85.32, 27.72),
  c('BT', 'Thimphu', 89.64, 27.47),
  c('BD', 'Dhaka', 90.41, 23.81),
  c('MM', 'Naypyidaw', 96.13, 19.76),
  c('MN', 'Ulaanbaatar', 106.92, 47.92),
  c('CN', 'Beijing', 116.4, 39.9, 1, '北京'),
  c('TW', 'Taipei', 121.56, 25.04, 2, '台北'),
  c('KP', 'Pyongyang', 125.75, 39.04),
  c('KR', 'Seoul', 126.98, 37.57),
  c('JP', 'Tokyo', 139.69, 35.69),
  c('LA', 'Vientiane', 102.63, 17.97),
  c('VN', 'Hanoi', 105.85, 21.03),
  c('TH', 'Bangkok', 100.5, 13.76),
];
