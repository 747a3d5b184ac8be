import { describe, expect, it } from 'vitest';
import { componentAttributes, EMBED_SANDBOX, embedSnippets, escapeAttribute } from './embed-snippets.ts';
import { utc } from './test/fixtures.ts';
import { EMPTY_URL_STATE, type UrlState } from './url-state.ts';

const view: UrlState = {
  ...EMPTY_URL_STATE,
  data: 'fixtures/own.json',
  filters: {
    ...EMPTY_URL_STATE.filters,
    countries: ['EE', 'FR'],
    orgs: ['Government, military'],
    query: '"quoted" & 1 < 2',
  },
  fromMs: utc(2021, 1, 1),
  toMs: utc(2022, 1, 1),
  id: 'ee-kouts',
  theme: 'dark',
};

describe('embedSnippets', () => {
  const snippets = embedSnippets({ appUrl: 'https://atlas.example/maps/', view, title: 'Incident Atlas: "spies"' });

  it('links to the app with the view in the address', () => {
    expect(snippets.link).toBe(
      'https://atlas.example/maps/?data=fixtures/own.json&q=%22quoted%22+%26+1+%3C+2&country=EE,FR&org=Government%5C,+military&from=2021-01-01&to=2021-12-31&id=ee-kouts&theme=dark',
    );
  });

  it('gives an iframe with the minimal sandbox, a title, and the host script', () => {
    expect(snippets.iframe).toContain(`sandbox="${EMBED_SANDBOX}"`);
    expect(snippets.iframe).toContain('title="Incident Atlas: &quot;spies&quot;"');
    expect(snippets.iframe).toContain('src="https://atlas.example/maps/embed.html?data=fixtures/own.json&amp;q=');
    expect(snippets.iframe).toMatch(/<script src="https:\/\/atlas\.example\/maps\/embed-host\.js" async><\/script>$/);
    expect(snippets.iframe).not.toContain('style=');
  });

  it('gives a web component whose attributes carry the same view, escaped for HTML', () => {
    expect(snippets.component).toContain(
      '<script type="module" src="https://atlas.example/maps/incident-atlas.js"></script>',
    );
    expect(snippets.component).toContain(
      '<incident-atlas data="https://atlas.example/maps/fixtures/own.json" q="&quot;quoted&quot; &amp; 1 &lt; 2" country="EE,FR" org="Government\\, military" from="2021-01-01" to="2021-12-31" incident="ee-kouts" theme="dark" label="Incident Atlas: &quot;spies&quot;"></incident-atlas>',
    );
  });

  it('the default view has no query at all', () => {
    const plain = embedSnippets({ appUrl: 'https://atlas.example/', view: EMPTY_URL_STATE, title: 'Atlas' });
    expect(plain.link).toBe('https://atlas.example/');
    expect(plain.iframe).toContain('src="https://atlas.example/embed.html"');
    expect(plain.component).toContain('<incident-atlas label="Atlas"></incident-atlas>');
  });
});

describe('componentAttributes', () => {
  it('names the selection `incident`, since `id` is taken by HTML', () => {
    expect(componentAttributes({ ...EMPTY_URL_STATE, id: 'x' }, 'https://a.example/')).toEqual([['incident', 'x']]);
  });
});

describe('escapeAttribute', () => {
  it('escapes &, ", < and >', () => {
    expect(escapeAttribute(`&"<>'`)).toBe(`&amp;&quot;&lt;&gt;'`);
  });
});
