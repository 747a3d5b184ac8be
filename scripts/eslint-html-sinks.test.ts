// The lint rules that keep data out of HTML parsers (eslint.config.js) are a security promise
// (SECURITY.md): this runs ESLint's own API on small offending snippets, as files under src/, and
// fails when a sink stops being reported — so weakening the config fails the build.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The rules that fired on a snippet linted as if it were `src/<file>`. */
async function rulesFiring(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `src/${file}` });
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal, `${file} must parse`).toEqual([]);
  return result.messages.filter((message) => message.severity === 2).map((message) => message.ruleId ?? '');
}

const TS_SINKS: [string, string][] = [
  ['innerHTML', 'export const f = (el: Element, s: string) => { el.innerHTML = s; };'],
  ['outerHTML', 'export const f = (el: Element, s: string) => { el.outerHTML = s; };'],
  ['insertAdjacentHTML', "export const f = (el: Element, s: string) => el.insertAdjacentHTML('beforeend', s);"],
  ['setHTMLUnsafe', 'export const f = (el: Element, s: string) => (el as any).setHTMLUnsafe(s);'],
  ['Document.parseHTMLUnsafe', 'export const f = (s: string) => (Document as any).parseHTMLUnsafe(s);'],
  ['MapLibre setHTML', 'export const f = (popup: { setHTML(s: string): void }, s: string) => popup.setHTML(s);'],
  ['D3 .html()', 'export const f = (sel: { html(s: string): void }, s: string) => sel.html(s);'],
  ['document.write', 'export const f = (s: string) => document.write(s);'],
  ['document.writeln', 'export const f = (s: string) => document.writeln(s);'],
  ['srcdoc property', 'export const f = (frame: HTMLIFrameElement, s: string) => { frame.srcdoc = s; };'],
  ['srcdoc attribute', "export const f = (frame: Element, s: string) => frame.setAttribute('srcdoc', s);"],
  ['event-handler attribute', "export const f = (el: Element, s: string) => el.setAttribute('onclick', s);"],
  ['new DOMParser', 'export const f = () => new DOMParser();'],
  ['parseFromString', "export const f = (p: DOMParser, s: string) => p.parseFromString(s, 'text/html');"],
  ['createContextualFragment', 'export const f = (r: Range, s: string) => r.createContextualFragment(s);'],
  ['eval', 'export const f = (s: string) => eval(s);'],
  ['new Function', 'export const f = (s: string) => new Function(s);'],
  ['Function()', 'export const f = (s: string) => Function(s);'],
  ['string timer', "export const f = (s: string) => setTimeout('render(' + s + ')', 10);"],
];

const SVELTE_SINKS: [string, string][] = [
  ['{@html}', '<script lang="ts">\n  let { text }: { text: string } = $props();\n</script>\n\n<p>{@html text}</p>\n'],
  [
    'srcdoc in a template',
    '<script lang="ts">\n  let { text }: { text: string } = $props();\n</script>\n\n<iframe title="t" srcdoc={text}></iframe>\n',
  ],
  [
    'innerHTML in a component script',
    '<script lang="ts">\n  let { text }: { text: string } = $props();\n  let node: HTMLElement;\n  $effect(() => {\n    node.innerHTML = text;\n  });\n</script>\n\n<p bind:this={node}></p>\n',
  ],
];

describe('eslint.config.js forbids every HTML sink under src/', () => {
  it.each(TS_SINKS)('reports %s in a .ts module', async (_name, code) => {
    expect((await rulesFiring(code, 'lib/probe.ts')).length).toBeGreaterThan(0);
  });

  it.each(SVELTE_SINKS)('reports %s in a component', async (_name, code) => {
    expect((await rulesFiring(code, 'ui/Probe.svelte')).length).toBeGreaterThan(0);
  });

  it('lets text rendering through (the probes are not failing for some other reason)', async () => {
    expect(
      await rulesFiring(
        "export const f = (el: Element, s: string) => { el.textContent = s; el.setAttribute('title', s); };",
        'lib/probe.ts',
      ),
    ).toEqual([]);
    expect(
      await rulesFiring(
        '<script lang="ts">\n  let { text }: { text: string } = $props();\n</script>\n\n<p title={text}>{text}</p>\n',
        'ui/Probe.svelte',
      ),
    ).toEqual([]);
  });
});
