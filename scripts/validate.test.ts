import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const validate = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { encoding: 'utf8' });

describe('npm run validate', () => {
  it('passes the curated data in data/', () => {
    const run = validate();
    expect(run.stdout).toMatch(/^validate: \d+ records in 1 file\(s\) are valid\.$/m);
    expect(run.status).toBe(0);
  });

  it('lists every problem of a broken file at once, naming file, record, id, field and reason, and fails', () => {
    const file = 'e2e/fixtures/dataset-broken.json';
    const run = validate(file);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${file}: record 2 (id fbi-mi5-joint-address-2022), field date: date is not a real calendar date`,
      `${file}: record 2 (id fbi-mi5-joint-address-2022), field status: status must be one of: alleged, reported, charged, convicted, attributed, official-statement, enacted`,
      `${file}: record 4 (id ms-exchange-hafnium-2021), field sources[0].url: source address must start with http:// or https://`,
      `${file}: record 4 (id ms-exchange-hafnium-2021), field sources[1].title: is required`,
      `${file}: record 5 (id ee-kouts-conviction-2021), field id: id "ee-kouts-conviction-2021" is used by an earlier record`,
      `${file}: record 7 (id de-bkg-attribution-2024), field places[0]: the point [8.684, 50.116] lies outside France (FR) on the Natural Earth 1:50m map; it is in Germany`,
      `${file}: record 7 (id de-bkg-attribution-2024), field places[0]: the name "Frankfurt am Main (BKG)" mentions no GeoNames place in FR; name the city the point is in`,
    ]);
    expect(run.stderr).toContain('validate: 7 problem(s); 3 of 7 records in 1 file(s) are valid.');
  });

  it('explains a file that is not JSON', () => {
    const run = validate('e2e/fixtures/truncated.json');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^e2e\/fixtures\/truncated\.json: The file is not valid JSON/m);
  });
});
