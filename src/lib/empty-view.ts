/** Why a view has nothing to draw: nothing read yet, nothing readable, or the filters (and window). */
export type EmptyReason = 'loading' | 'no-incidents' | 'filtered';

/** What an empty view says; `filtered` is the view's own words for "the filters leave nothing". */
export function emptyViewText(reason: EmptyReason, filtered: string): string {
  if (reason === 'loading') return 'Loading incidents…';
  if (reason === 'no-incidents') return 'No incidents to show.';
  return filtered;
}
