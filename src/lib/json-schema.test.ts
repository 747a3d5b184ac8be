import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatJsonSchema, SCHEMA_FILE } from './json-schema.ts';

describe('published JSON Schema', () => {
  it('static/incident.schema.json equals the schema generated from the valibot definition (run `npm run schema` after a change)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(formatJsonSchema());
  });
  it('requires the fields the contract requires', () => {
    const schema = JSON.parse(formatJsonSchema());
    const record = schema.properties.incidents.items;
    expect(record.required).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'summary',
        'date',
        'places',
        'actors',
        'targets',
        'techniques',
        'status',
        'sources',
        'updated',
      ]),
    );
    expect(record.properties.sources.items.properties.url.pattern).toBe('^https?:\\/\\/');
  });
});
