/**
 * Incidents → CSV in our import header, plus one column per extra field, so that a file exported
 * here reads back into the same records. Cells a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`, tab, carriage return first) get a leading `'` — the OWASP "CSV injection" defence —
 * except plain numbers such as a western longitude; the importer removes that one `'` again.
 */
import { IMPORT_FIELDS } from './column-mapping.ts';
import type { Incident } from './incident-schema.ts';

/** Our import header: what the importer recognises as is (see column-mapping). */
export const CSV_HEADER = IMPORT_FIELDS;

/** Any run of `'` before a formula character: escaping it too keeps `'=x` itself round-trippable. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Makes a cell safe to open in a spreadsheet: defuses formulas, then quotes as RFC 4180 says. */
export function escapeCsvCell(value: string): string {
  const defused = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(defused) || defused !== defused.trim() ? `"${defused.replaceAll('"', '""')}"` : defused;
}

function standardCells(incident: Incident): string[] {
  const place = incident.places[0];
  const country = incident.targets.countries.length > 0 ? incident.targets.countries.join(';') : (place?.country ?? '');
  return [
    incident.id,
    incident.date,
    incident.end ?? '',
    incident.title,
    incident.summary,
    place?.name ?? '',
    country,
    place ? String(place.lngLat[1]) : '',
    place ? String(place.lngLat[0]) : '',
    incident.techniques.join(';'),
    incident.status ?? '',
    incident.sources.find((source) => source.url)?.url ?? '',
  ];
}

/** Extra columns in the order they are first met; one that shares a standard name is suffixed. */
function extraColumns(incidents: readonly Incident[]): { key: string; column: string }[] {
  const keys = new Set<string>();
  for (const incident of incidents) for (const key of Object.keys(incident.extra ?? {})) keys.add(key);
  const taken = new Set<string>(CSV_HEADER);
  return [...keys].map((key) => {
    let column = key;
    for (let n = 2; taken.has(column); n++) column = `${key} (${n})`;
    taken.add(column);
    return { key, column };
  });
}

/**
 * The incidents as a CSV text (UTF-8 with a BOM, so spreadsheets read accents; CRLF line ends).
 * Only the first place and the first source address fit a row; JSON and GeoJSON keep everything.
 */
export function formatIncidentsCsv(incidents: readonly Incident[]): string {
  const extras = extraColumns(incidents);
  const lines = [[...CSV_HEADER, ...extras.map((extra) => extra.column)].map(escapeCsvCell).join(',')];
  for (const incident of incidents) {
    const cells = [...standardCells(incident), ...extras.map(({ key }) => incident.extra?.[key] ?? '')];
    lines.push(cells.map(escapeCsvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
