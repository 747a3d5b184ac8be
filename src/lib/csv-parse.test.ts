import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './csv-parse.ts';

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1,5;2,5;3', ';'],
    ['a\tb\n1\t2', '\t'],
    ['a|b|c', '|'],
    ['"x;y",b,c\n', ','],
    ['single\n1', ','],
  ])('detectDelimiter(%j) is %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('readCsv', () => {
  it('strips a UTF-8 BOM from the first column name', () => {
    expect(readCsv('\uFEFFdate,title\n2021,A\n').header).toEqual(['date', 'title']);
  });

  it('reads a semicolon-delimited European export with decimal commas', () => {
    const table = readCsv('date;title;lat;lon\r\n2021-03-02;Tallinn;59,437;24,754\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows[0].cells).toEqual(['2021-03-02', 'Tallinn', '59,437', '24,754']);
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside cells', () => {
    const table = readCsv('date,title\n2021,"A, ""quoted""\nsecond line"\n2022,B\n');
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['2021', 'A, "quoted"\nsecond line'],
      ['2022', 'B'],
    ]);
  });

  it('numbers rows from the first data row and lines from the file, past multi-line cells and blank lines', () => {
    // Spreadsheets end rows with CRLF and put a bare LF inside multi-line cells.
    const text = 'date,title\r\n2021,"one\r\ntwo\nthree"\r\n\r\n2022,B\r\n2023,"x\ny"\r\n2024,C';
    const table = readCsv(text);
    expect(table.rows.map(({ record, line }) => [record, line])).toEqual([
      [1, 2],
      [2, 6],
      [3, 7],
      [4, 9],
    ]);
  });

  it('counts lines in a file with bare CR line ends (old Mac exports)', () => {
    expect(readCsv('date,title\r2021,"a\rb"\r2022,B').rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('lists a row with an unterminated quote as a problem with its row and line', () => {
    const table = readCsv('date,title\n2021,A\n2022,"never closed\n2023,C\n');
    expect(table.rows.map((row) => row.record)).toEqual([1]);
    expect(table.problems).toEqual([{ record: 2, line: 3, reason: expect.stringContaining('never closed') }]);
  });

  it('keeps rows with too many or too few cells, with a notice', () => {
    const table = readCsv('date,title\n2021,A,extra\n2022\n');
    expect(table.rows).toHaveLength(2);
    expect(table.notices.map((n) => [n.record, n.line])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(table.notices[0].reason).toContain('left out');
    expect(table.notices[1].reason).toContain('read as empty');
  });

  it('refuses a file without a header', () => {
    expect(() => readCsv('\n\n')).toThrow('no header');
  });
});
