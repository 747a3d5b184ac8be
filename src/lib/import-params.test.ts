import { describe, expect, it } from 'vitest';
import { parseImportParams } from './import-params.ts';

describe('parseImportParams', () => {
  it('reads data, format and cols', () => {
    expect(parseImportParams('?data=x/export&format=CSV&cols=date:died,order:day-first&q=spy')).toEqual({
      params: { data: 'x/export', format: 'csv', choice: { mapping: { date: 'died' }, order: 'day-first' } },
      notices: [],
    });
  });

  it('drops an unknown format and a bad cols entry with notices', () => {
    const { params, notices } = parseImportParams('?format=xlsx&cols=when:x');
    expect(params).toEqual({});
    expect(notices).toHaveLength(2);
  });
});
