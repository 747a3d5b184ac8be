/**
 * A user's file as text, whatever encoding it was saved in: a byte order mark decides (UTF-8,
 * UTF-16 LE or BE, as Excel's "Unicode text" writes); otherwise UTF-8 when the bytes are valid
 * UTF-8, else Windows-1252 (older Western European spreadsheets), with a notice. Binary files
 * (an image, a spreadsheet workbook) are refused with a sentence that says what they look like,
 * instead of being read as a table of garbage.
 */
import { DatasetError } from './parse-incidents.ts';

export interface DecodedText {
  text: string;
  /** Set when the encoding had to be guessed. */
  notice?: string;
}

/** Signatures of files people pick by mistake, by their first bytes. */
const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or an Excel workbook (.xlsx); save the sheet as CSV'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls); save the sheet as CSV'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

/** Zero bytes at every second position of the first bytes: UTF-16 without its byte order mark. */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = sample.length / 2;
  if (oddZero > pairs * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.9 && oddZero === 0) return 'utf-16be';
  return null;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1, byte = code point). Written
 * out because not every TextDecoder has it right (Node's reads these bytes as C1 controls).
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * Whether a file starting with these bytes may be UTF-8 text (what `decodeText` tries unless a
 * byte order mark, a binary signature or UTF-16's zero bytes say otherwise).
 */
export function mayBeUtf8Text(first: Uint8Array): boolean {
  if (startsWith(first, [0xff, 0xfe]) || startsWith(first, [0xfe, 0xff])) return false;
  if (SIGNATURES.some(([prefix]) => startsWith(first, prefix))) return false;
  return utf16WithoutMark(first) === null && !first.subarray(0, 4096).includes(0);
}

/** Decodes a file's bytes; throws `DatasetError` for a file that is not text. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const known = SIGNATURES.find(([prefix]) => startsWith(bytes, prefix));
  if (known) throw new DatasetError(`This is not a text file: it looks like ${known[1]}.`);
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes) };
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new DatasetError('This is not a text file: it holds binary data. Give a CSV, JSON or GeoJSON file.');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      notice:
        'The file is not UTF-8; it was read as Windows-1252 (Western European). If some letters look wrong, save it as UTF-8 and load it again.',
    };
  }
}
