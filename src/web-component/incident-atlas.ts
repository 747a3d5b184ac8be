/**
 * `<incident-atlas>`: the atlas as a custom element for other sites, in its own shadow root.
 *
 * ```html
 * <script type="module" src="https://atlas.example/incident-atlas.js"></script>
 * <incident-atlas country="EE,FR" from="2020-01-01" to="2022-12-31" height="720"></incident-atlas>
 * ```
 * Attributes take the address's parameters (CONTRACTS §4) plus `height` and `label`; the element
 * sends `incidentselect`, `filterchange` and `viewchange` events and carries `data-status`.
 * Its CSS arrives as a `<link>` from our origin (no inline styles, so strict host CSPs hold), and
 * its font faces are declared on the host document, where Chromium looks for them.
 */
import { mount, unmount } from 'svelte';
import '../app.css';
import './component.css';
import { AttributeBag, OBSERVED_ATTRIBUTES } from './attributes.svelte.ts';
import ComponentAtlas from './ComponentAtlas.svelte';

// Where this bundle was loaded from: the app's folder, which holds its stylesheet, data and worker.
const moduleUrl = import.meta.url;
const APP_URL = new URL('.', moduleUrl).href;
const STYLESHEET = new URL('assets/incident-atlas.css', APP_URL).href;
const FONTS = new URL('assets/incident-atlas-fonts.css', APP_URL).href;

function stylesheetLink(href: string): HTMLLinkElement {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  return link;
}

/** Declares the font faces on the host document, once per page. */
function declareFonts(): void {
  const links = document.head.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]');
  if ([...links].some((link) => link.href === FONTS)) return;
  document.head.append(stylesheetLink(FONTS));
}

export class IncidentAtlasElement extends HTMLElement {
  static observedAttributes = OBSERVED_ATTRIBUTES;
  #attributes = new AttributeBag();
  #app: ReturnType<typeof mount> | null = null;

  connectedCallback(): void {
    if (this.#app) return;
    declareFonts();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const target = document.createElement('div');
    root.replaceChildren(stylesheetLink(STYLESHEET), target);
    this.#attributes.readAll(this);
    this.#app = mount(ComponentAtlas, { target, props: { attributes: this.#attributes, host: this, appUrl: APP_URL } });
  }

  disconnectedCallback(): void {
    // Moving the element (disconnect, then connect in the same task) keeps its atlas.
    queueMicrotask(() => {
      if (this.isConnected || !this.#app) return;
      void unmount(this.#app);
      this.#app = null;
      delete this.dataset.status;
    });
  }

  attributeChangedCallback(name: string, _previous: string | null, value: string | null): void {
    this.#attributes.set(name, value);
  }
}

if (!customElements.get('incident-atlas')) customElements.define('incident-atlas', IncidentAtlasElement);

declare global {
  interface HTMLElementTagNameMap {
    'incident-atlas': IncidentAtlasElement;
  }
}
