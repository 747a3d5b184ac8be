import { describe, expect, it } from 'vitest';
import {
  detectColumns,
  formatColumnMapping,
  missingFields,
  normalizeColumnName,
  parseColumnMapping,
  resolveColumnMapping,
} from './column-mapping.ts';

describe('detectColumns', () => {
  it('detectColumns(our header) maps every field to its own column', () => {
    const header = 'id,date,end_date,title,summary,place,country,lat,lon,techniques,status,source_url'.split(',');
    const mapping = detectColumns(header);
    expect(Object.entries(mapping).every(([field, column]) => field === column)).toBe(true);
    expect(Object.keys(mapping)).toHaveLength(12);
  });

  it.each([
    [
      ['Event Date', 'Latitude', 'Longitude', 'Name', 'Category'],
      { date: 'Event Date', lat: 'Latitude', lon: 'Longitude', title: 'Name', techniques: 'Category' },
    ],
    [
      ['start', 'end', 'headline', 'lng', 'lat', 'City', 'Country Code'],
      {
        date: 'start',
        end_date: 'end',
        title: 'headline',
        lon: 'lng',
        lat: 'lat',
        place: 'City',
        country: 'Country Code',
      },
    ],
    [
      ['timestamp', 'description', 'type', 'URL'],
      { date: 'timestamp', summary: 'description', techniques: 'type', source_url: 'URL' },
    ],
    [['Année', 'Titre'], {}],
  ])('detectColumns(%j) recognises common names', (header, expected) => {
    expect(detectColumns(header)).toEqual(expected);
  });

  it('prefers the exact field name over a synonym, and uses each column once', () => {
    expect(detectColumns(['start', 'date', 'end'])).toEqual({ date: 'date', end_date: 'end' });
    expect(detectColumns(['name', 'title'])).toEqual({ title: 'title' });
  });

  it('normalizeColumnName ignores case, accents and punctuation', () => {
    expect(normalizeColumnName(' Événement – Date ')).toBe('evenement_date');
  });
});

describe('parseColumnMapping', () => {
  it('reads field:column pairs, aliases and the day/month order', () => {
    expect(parseColumnMapping('date:death_date,lat:latitude,lng:x,category:kind,order:dmy')).toEqual({
      choice: {
        mapping: { date: 'death_date', lat: 'latitude', lon: 'x', techniques: 'kind' },
        order: 'day-first',
      },
      errors: [],
    });
  });

  it('decodes percent-encoded column names, so commas and colons fit', () => {
    expect(parseColumnMapping('title:Name%2C%20full,date:When%3A').choice.mapping).toEqual({
      title: 'Name, full',
      date: 'When:',
    });
  });

  it('reports unknown fields, empty columns and unknown orders instead of guessing', () => {
    expect(parseColumnMapping('colour:red,date:,order:sideways').errors).toEqual([
      expect.stringContaining('"colour" is not a field'),
      'cols: no column given for date',
      'cols: unknown date order "sideways" (use day-first or month-first)',
    ]);
  });

  it.each([
    { mapping: { date: 'death date', lat: 'y,1' }, order: 'month-first' as const },
    { mapping: { title: 'Naam:%', end_date: 'Ende' } },
    { mapping: {} },
  ])('formatColumnMapping then parseColumnMapping gives back %j', (choice) => {
    expect(parseColumnMapping(formatColumnMapping(choice)).choice).toEqual(choice);
  });
});

describe('resolveColumnMapping', () => {
  it('takes the requested columns over detected ones, matching names loosely', () => {
    const { mapping, errors } = resolveColumnMapping(['date', 'Death Date', 'name'], { date: 'death_date' });
    expect(mapping).toEqual({ date: 'Death Date', title: 'name' });
    expect(errors).toEqual([]);
  });

  it('reports a requested column the file lacks and keeps the detected one', () => {
    const { mapping, errors } = resolveColumnMapping(['date', 'title'], { date: 'born' });
    expect(mapping).toEqual({ date: 'date', title: 'title' });
    expect(errors).toEqual(['cols: the file has no column "born" for date']);
  });

  it('missingFields names the required fields with no column', () => {
    expect(missingFields({ lat: 'y' })).toEqual(['date', 'title']);
    expect(missingFields({ date: 'd', title: 't' })).toEqual([]);
  });
});
