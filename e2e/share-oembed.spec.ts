import { expect, test } from '@playwright/test';
import { parseSnippet } from './helpers.ts';

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

for (const base of ['', 'nested/atlas/']) {
  test(`the app at /${base} advertises an oEmbed response for its default view, generated at build time`, async ({
    page,
    context,
    request,
  }) => {
    await page.goto(base);
    const discovery = page.locator('head link[rel="alternate"][type="application/json+oembed"]');
    await expect(discovery).toHaveCount(1);
    const href = (await discovery.getAttribute('href'))!;
    // PUBLIC_URL names where the site is published (npm start's address unless set); the file
    // itself ships in every copy of dist/.
    expect(href).toMatch(/^https?:\/\/.+\/oembed\.json$/);
    const publicUrl = href.replace(/oembed\.json$/, '');

    const response = await request.get(`${base}oembed.json`);
    expect(response.ok()).toBe(true);
    const oembed = await response.json();
    expect(oembed).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: 'Incident Atlas',
      provider_url: publicUrl,
      title: 'Incident Atlas: Reported Chinese espionage and influence operations in Europe',
      width: expect.any(Number),
      height: expect.any(Number),
    });
    expect(await discovery.getAttribute('title')).toBe(oembed.title);

    const [iframe] = await parseSnippet(context, oembed.html);
    expect(iframe).toMatchObject({
      tag: 'iframe',
      attributes: { src: `${publicUrl}embed.html`, title: oembed.title, sandbox: SANDBOX },
    });
  });
}
