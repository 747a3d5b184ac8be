// The bundled dataset itself: every fact-sheet entry is there, every record passes every curated
// check (schema, vocabularies, dates, sources, places inside their countries and near their named
// cities), and every record can be traced to a source address.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGeography } from '../../scripts/geography.ts';
import { locateInCountry } from './country-shapes.ts';
import type { IncidentRecord } from './incident-schema.ts';
import { formatRecordProblem } from './record-problem.ts';
import { validateCuratedFile } from './validate-curated.ts';

const text = readFileSync('data/incidents.json', 'utf8');
const records: IncidentRecord[] = JSON.parse(text).incidents;
const geography = loadGeography();

/** The ids of the research fact sheet's index: A1–A7 (the founding article) and B1–B45. */
const FACT_SHEET_IDS = [
  'fr-dgse-officers-convicted-2020',
  'cn-national-intelligence-law-2017',
  'ms-exchange-hafnium-2021',
  'exchange-joint-attribution-2021',
  'fbi-mi5-joint-address-2022',
  'ee-kouts-conviction-2021',
  'ft-on-a-par-with-russians-2022',
  'se-maihesuti-conviction-2010',
  'de-bfv-linkedin-warning-2017',
  'be-xu-yanjun-arrest-2018',
  'se-gyantsan-conviction-2018',
  'cz-nukib-huawei-zte-warning-2018',
  'uk-apt10-cloud-hopper-attribution-2018',
  'pl-huawei-wang-weijing-2019',
  'lt-threat-assessment-china-2019',
  'eu-de-sabathil-investigation-2020',
  'eu-cyber-sanctions-apt10-2020',
  'fi-eduskunta-apt31-2020',
  'uk-mss-officers-expelled-2020',
  'no-storting-exchange-hack-2021',
  'de-klaus-l-conviction-2021',
  'fr-anssi-apt31-routers-2021',
  'lt-xiaomi-censorship-warning-2021',
  'uk-christine-lee-interference-alert-2022',
  'dk-pet-espionage-assessment-2022',
  'be-apt-attribution-interior-defence-2022',
  'safeguard-defenders-110-overseas-2022',
  'uk-manchester-consulate-assault-2022',
  'ie-dublin-police-station-closed-2022',
  'nl-police-stations-closure-2022',
  'uk-cash-berry-2023',
  'uk-electoral-commission-breach-2021',
  'uk-mi5-20000-approaches-2023',
  'be-creyelman-mss-asset-2023',
  'nl-mivd-coathanger-2024',
  'uk-apt31-sanctions-2024',
  'fr-ling-huazhan-cdg-2024',
  'se-chinese-journalist-expelled-2024',
  'de-jian-g-afd-aide-2024',
  'de-thomas-r-herwig-ina-f-2024',
  'be-apt31-ipac-mps-2024',
  'uk-mod-payroll-breach-2024',
  'uk-hketo-charges-2024',
  'no-pst-arrest-2024',
  'de-bkg-attribution-2024',
  'uk-yang-tengbo-siac-2024',
  'ch-transnational-repression-report-2025',
  'be-vsse-barracuda-breach-2025',
  'cz-apt31-mfa-2025',
  'it-xu-zewei-arrest-2025',
  'nl-salt-typhoon-2025',
  'uk-fcdo-hack-2025',
];

describe('data/incidents.json', () => {
  it('passes every curated check, including the place checks', () => {
    const result = validateCuratedFile(text, geography);
    expect(result.fatal).toBeUndefined();
    expect(result.problems.map(formatRecordProblem)).toEqual([]);
    expect(result.validCount).toBe(records.length);
  });

  it('curates every entry of the fact sheet, and at least 50 records', () => {
    expect(records.map((record) => record.id).sort()).toEqual([...FACT_SHEET_IDS].sort());
    expect(records.length).toBeGreaterThanOrEqual(50);
  });

  it('gives every record at least one source with an http(s) address', () => {
    for (const record of records) {
      expect(record.sources.length, record.id).toBeGreaterThan(0);
      for (const source of record.sources) expect(source.url, record.id).toMatch(/^https?:\/\/[^\s]+$/);
    }
  });

  it('puts every point inside its stated country on the Natural Earth 1:50m map', () => {
    const nearCoast: string[] = [];
    for (const record of records) {
      for (const place of record.places) {
        const where = locateInCountry(geography.shapes.get(place.country)!, place.lngLat);
        expect(where, `${record.id}: ${place.name}`).not.toBe('outside');
        if (where === 'near-coast') nearCoast.push(place.name);
      }
    }
    // Only the waterfront capitals the coast tolerance was made for.
    expect([...new Set(nearCoast)].sort()).toEqual(['Denmark', 'Stockholm', 'Stockholm (District Court)']);
  });

  it('marks records without a point of their own (a law, a national report) as one country-level place', () => {
    const countryLevel = records.filter((record) => record.places.some((place) => place.precision === 'country'));
    expect(countryLevel.map((record) => record.id)).toEqual(
      expect.arrayContaining(['cn-national-intelligence-law-2017', 'lt-threat-assessment-china-2019']),
    );
  });

  it('documents the format with a complete example record that is a real, valid record (data/README.md)', () => {
    const readme = readFileSync('data/README.md', 'utf8');
    const block = /## A complete record\s+```json\n([\s\S]*?)\n```/.exec(readme);
    expect(block, 'a json block under "## A complete record"').not.toBeNull();
    const example = JSON.parse(block![1]);
    expect(example).toEqual(records.find((record) => record.id === example.id));
    for (const field of ['relatedDates', 'outcome', 'statusNote', 'discrepancies'])
      expect(example).toHaveProperty(field);
  });
});
