/**
 * Trusted Types for the app's own pages (the app and the iframe embed), so a deployment can send
 * `require-trusted-types-for 'script'`. Svelte brings its own policy for its templates
 * (`svelte-trusted-html`); what is left are sinks inside code we do not own: MapLibre starts its
 * workers with `new Worker(url)` and reads its attribution through `DOMParser`, and our parse
 * worker is a `new Worker(url)` too. A `default` policy lets exactly those through: worker scripts
 * from this origin, and HTML with no markup in it (the attribution is plain text). Anything else —
 * a script from another host, a string with a tag — is refused, and the browser reports it.
 *
 * Not installed by the web component: a `default` policy belongs to the page, and there the page
 * is someone else's.
 */

/** `url` resolved against `base`, if it is a script of `origin`; null otherwise. */
export function sameOriginScriptUrl(url: string, base: string, origin: string): string | null {
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    return null;
  }
  return resolved.origin === origin && (resolved.protocol === 'https:' || resolved.protocol === 'http:')
    ? resolved.href
    : null;
}

/** `html` if it holds no markup at all (no tag, no comment): then it parses to text only. */
export function markupFreeHtml(html: string): string | null {
  return /[<>]/.test(html) ? null : html;
}

interface TrustedTypesFactory {
  defaultPolicy: unknown;
  createPolicy(
    name: string,
    rules: { createScriptURL?: (input: string) => string; createHTML?: (input: string) => string },
  ): unknown;
}

/** Installs the `default` policy where the browser has Trusted Types and no page policy exists yet. */
export function installDefaultPolicy(): void {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory || factory.defaultPolicy) return;
  const refuse = (what: string, input: string): never => {
    throw new TypeError(`Incident Atlas: refused ${what} ${JSON.stringify(input.slice(0, 80))}`);
  };
  try {
    factory.createPolicy('default', {
      createScriptURL: (input) =>
        sameOriginScriptUrl(input, document.baseURI, location.origin) ?? refuse('a worker script from', input),
      createHTML: (input) => markupFreeHtml(input) ?? refuse('HTML with markup:', input),
    });
  } catch (error) {
    // The page's policy names other policies only: it does not want ours, and the sinks above are
    // then the deployment's to allow.
    console.warn('Incident Atlas: no Trusted Types default policy', error);
  }
}
