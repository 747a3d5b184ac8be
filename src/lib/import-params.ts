/**
 * The address parameters that say which dataset to load and how to read it (CONTRACTS §4):
 * `data` (its address), `format` (when the address does not say) and `cols` (the column mapping).
 * Pure, so the URL-state module can fold it in; unknown values are dropped with a notice.
 */
import { parseColumnMapping, type ColumnChoice } from './column-mapping.ts';

/** Formats a dataset may come in; `format` names one when the address does not. */
export const IMPORT_FORMATS = ['json', 'csv', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportParams {
  data?: string;
  format?: ImportFormat;
  choice?: ColumnChoice;
}

export function parseImportParams(search: string | URLSearchParams): { params: ImportParams; notices: string[] } {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const params: ImportParams = {};
  const notices: string[] = [];
  const data = query.get('data')?.trim();
  if (data) params.data = data;
  const format = query.get('format')?.trim().toLowerCase();
  if (format) {
    if ((IMPORT_FORMATS as readonly string[]).includes(format)) params.format = format as ImportFormat;
    else notices.push(`format: "${format}" is not one of ${IMPORT_FORMATS.join(', ')}; the file decides.`);
  }
  const cols = query.get('cols');
  if (cols) {
    const { choice, errors } = parseColumnMapping(cols);
    notices.push(...errors);
    if (Object.keys(choice.mapping).length > 0 || choice.order) params.choice = choice;
  }
  return { params, notices };
}
