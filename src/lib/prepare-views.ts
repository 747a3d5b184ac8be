/**
 * The indexes every view of a dataset reads, as separate steps: the importer runs them in short
 * tasks before it shows a large file, so the page keeps painting (and its progress bar moving)
 * instead of stalling for their sum, and the views then find them built. (The first is usually
 * built already, batch by batch as the file arrived.)
 */
import { datasetIndexOf } from './dataset-index.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { sortOrderOf } from './sort-incidents.ts';
import { timeOrderOf } from './time-order.ts';

export function viewPreparation(incidents: readonly LoadedIncident[]): (() => void)[] {
  return [
    () => datasetIndexOf(incidents),
    () => timeOrderOf(incidents),
    // The list's first order.
    () => sortOrderOf(datasetIndexOf(incidents), 'date', 'ascending'),
  ];
}
