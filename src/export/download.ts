/**
 * Saving something the browser made: a Blob URL of our own origin, clicked as a download link.
 * Nothing is uploaded; a strict CSP allows it (`blob:` navigations for downloads are not fetches).
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; revoke it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** A file-name-safe base from a dataset or file name: `Chinese espionage.csv` → `chinese-espionage`. */
export function fileBaseName(name: string | undefined, fallback = 'incident-atlas'): string {
  const base = (name ?? '')
    .replace(/^.*[/\\]/, '')
    .replace(/[?#].*$/, '')
    .replace(/\.[a-z0-9]+$/i, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return base || fallback;
}
