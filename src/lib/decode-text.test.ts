import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

const TEXT = 'id,title\nee-1,Tarmo Kõuts\ncz-1,Café “Praha” €5\n';
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => {
  const bytes = utf16le(text);
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
  return bytes;
};
const withPrefix = (prefix: number[], bytes: Uint8Array) => new Uint8Array([...prefix, ...bytes]);

describe('decodeText', () => {
  it('decodeText(UTF-8) is the text, with no notice', () => {
    expect(decodeText(utf8(TEXT))).toEqual({ text: TEXT });
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeText(withPrefix([0xef, 0xbb, 0xbf], utf8(TEXT)))).toEqual({ text: TEXT });
  });

  it('reads UTF-16 LE and BE by their byte order marks', () => {
    expect(decodeText(withPrefix([0xff, 0xfe], utf16le(TEXT)))).toEqual({ text: TEXT });
    expect(decodeText(withPrefix([0xfe, 0xff], utf16be(TEXT)))).toEqual({ text: TEXT });
  });

  it('reads UTF-16 without a byte order mark from its zero bytes', () => {
    expect(decodeText(utf16le(TEXT)).text).toBe(TEXT);
    expect(decodeText(utf16be(TEXT)).text).toBe(TEXT);
  });

  it('reads bytes that are not UTF-8 as Windows-1252, and says so', () => {
    // "Tarmo Kõuts", "Café", the curly quotes and € as Windows-1252 writes them.
    const bytes = new Uint8Array([
      ...utf8('id,title\nee-1,Tarmo K'),
      0xf5,
      ...utf8('uts\ncz-1,Caf'),
      0xe9,
      0x20,
      0x93,
      ...utf8('Praha'),
      0x94,
      0x20,
      0x80,
      ...utf8('5\n'),
    ]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe(TEXT);
    expect(decoded.notice).toMatch(/not UTF-8; it was read as Windows-1252/);
  });

  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /looks like a PNG image/],
    [[0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], /Excel workbook \(\.xlsx\); save the sheet as CSV/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /a PDF document/],
    [[0x01, 0x02, 0x00, 0x41, 0x42, 0x43, 0x00, 0x7f, 0x10], /holds binary data/],
  ])('refuses binary data starting %j with a sentence saying what it looks like', (bytes, message) => {
    expect(() => decodeText(new Uint8Array(bytes))).toThrow(message);
  });

  it('decodes an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '' });
  });
});
