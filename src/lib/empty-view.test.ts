import { describe, expect, it } from 'vitest';
import { emptyViewText } from './empty-view.ts';

describe('emptyViewText', () => {
  it('says the data is loading, or that there is none, before blaming the filters', () => {
    expect(emptyViewText('loading', 'No incidents match the filters.')).toBe('Loading incidents…');
    expect(emptyViewText('no-incidents', 'No incidents match the filters.')).toBe('No incidents to show.');
    expect(emptyViewText('filtered', 'No incidents match the filters.')).toBe('No incidents match the filters.');
  });
});
