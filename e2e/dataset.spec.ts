// The curated dataset as a reader meets it: the founding article's seven incidents read correctly,
// dates carry their precision, outcomes and disagreements show, and the dataset says what it is.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { details, expectCleanPage, openAtlas, watchPage } from './helpers.ts';

const dataset = JSON.parse(readFileSync(new URL('../data/incidents.json', import.meta.url), 'utf8'));
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The founding article's items (A1–A7 of the fact sheet), as a reader should see them. */
const SEEDS = [
  {
    id: 'fr-dgse-officers-convicted-2020',
    title: 'Two former DGSE officers convicted of passing secrets to China',
    date: '10 July 2020',
    status: 'Convicted',
    source: 'Two former French spies jailed for sharing secrets with China',
    disagreement: 'The founding article names the spy "Pierre M." and gives him eight years.',
  },
  {
    id: 'cn-national-intelligence-law-2017',
    title: 'China adopts the National Intelligence Law',
    date: '27 June 2017',
    status: 'Enacted',
    source: "What China's National Intelligence Law Says, And Why it Doesn't Matter",
    disagreement: 'drops the qualifier "in accordance with law"',
  },
  {
    id: 'ms-exchange-hafnium-2021',
    title: 'Microsoft Exchange zero-day compromise ("Hafnium")',
    date: '2 March 2021',
    status: 'Attributed',
    source: 'Microsoft Fixes Exchange Server Flaws Exploited by Hafnium Threat Actor',
    disagreement: 'over a quarter of a million servers worldwide',
  },
  {
    id: 'exchange-joint-attribution-2021',
    title: 'UK, EU, NATO and partners attribute the Exchange compromise to China',
    date: '19 July 2021',
    status: 'Official statement',
    source: 'UK and allies hold Chinese state responsible for a pervasive pattern of hacking',
    disagreement: "the EU spoke of activity from China's territory without naming it",
  },
  {
    id: 'fbi-mi5-joint-address-2022',
    title: 'FBI and MI5 heads give their first joint public warning on China',
    date: '6 July 2022',
    status: 'Official statement',
    source: 'China lashes out at US, British intelligence services',
    disagreement: 'The "generation" phrase was not found.',
  },
  {
    id: 'ee-kouts-conviction-2021',
    title: 'Estonian marine scientist Tarmo Kõuts convicted of spying for China',
    date: '2 March 2021',
    status: 'Convicted',
    source: 'Court sentences Estonian marine scientist to prison for spying for China',
    disagreement: '"army-linked scientist"',
  },
  {
    id: 'ft-on-a-par-with-russians-2022',
    title: 'FT report: Chinese human intelligence "on a par with the Russians"',
    date: '30 August 2022',
    status: 'Reported',
    source: "'On a par with the Russians': rise in Chinese espionage alarms Europe",
    disagreement: "the FT's own publication date was not retrieved",
  },
];

async function openIncident(page: Page, id: string) {
  await openAtlas(page, `?id=${id}`);
  await expect(details(page)).toBeVisible();
  return details(page);
}

for (const seed of SEEDS) {
  test(`seed incident ${seed.id} reads correctly: title, date with precision, status, disagreement and a source link`, async ({
    page,
  }) => {
    const watch = await watchPage(page);
    const panel = await openIncident(page, seed.id);
    const record = dataset.incidents.find((incident: { id: string }) => incident.id === seed.id);
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(seed.title);
    // All seven are known to the day: the date reads in full and no precision caveat is added.
    await expect(panel.locator('.when')).toHaveText(seed.date);
    await expect(panel.locator('[data-status-value]')).toHaveText(seed.status);
    await expect(panel.getByText('Where sources disagree, and caveats')).toBeVisible();
    await expect(panel.getByText(seed.disagreement, { exact: false })).toBeVisible();
    const link = panel.getByRole('link', { name: seed.source, exact: true });
    await expect(link).toHaveAttribute(
      'href',
      record.sources.find((s: { title: string }) => s.title === seed.source).url,
    );
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expectCleanPage(watch);
  });
}

test('a month-precision date says so, related periods read as ranges, and outcomes explain themselves', async ({
  page,
}) => {
  let panel = await openIncident(page, 'de-klaus-l-conviction-2021');
  await expect(panel.locator('.when')).toHaveText('December 2021 (known to the month)');
  await expect(
    panel.locator('li', { hasText: 'June 2010 – November 2019: Information passed to Chinese intelligence' }),
  ).toBeVisible();

  panel = await openIncident(page, 'eu-de-sabathil-investigation-2020');
  await expect(panel.getByTestId('outcome')).toHaveText('Investigation closed');
  await expect(panel.getByText('Investigators closed the case without charges.')).toBeVisible();
  await expect(panel.getByText('Brussels (searches), Belgium')).toBeVisible();

  panel = await openIncident(page, 'cn-national-intelligence-law-2017');
  await expect(panel.locator('li', { hasText: /^China \(country level\)$/ })).toBeVisible();
});

test('the footer and the About panel give the dataset version, last update and record count', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  const { version, updated } = dataset.dataset;
  const count = `${dataset.incidents.length} records`;
  const footer = page.locator('footer');
  for (const fact of [`version ${version}`, `updated ${updated}`, count]) await expect(footer).toContainText(fact);

  const button = page.getByTestId('about-button');
  await button.focus();
  await page.keyboard.press('Enter');
  const about = page.getByRole('dialog', { name: 'About this data' });
  await expect(about).toBeVisible();
  await expect(about.getByTestId('about-meta')).toContainText(`version ${version} · updated ${updated} · ${count}`);
  for (const heading of [
    'Method',
    'Scope',
    'Status: what the sources establish',
    'Corrections',
    'Licences and credits',
  ])
    await expect(about.getByRole('heading', { name: heading })).toBeVisible();
  for (const status of ['Alleged', 'Reported', 'Charged', 'Convicted', 'Attributed', 'Official statement', 'Enacted'])
    await expect(about.locator('dt', { hasText: new RegExp(`^${status}$`) })).toBeVisible();
  await expect(about).toContainText('CC BY 4.0');
  await expect(about).toContainText('GeoNames');
  await expect(about).toContainText('Natural Earth');

  const axe = await new AxeBuilder({ page }).include('[data-testid="about-data"]').withTags(WCAG_22_AA).analyze();
  expect(axe.violations).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
  await expect(button).toBeFocused();
  expectCleanPage(watch);
});

test('the details panel with discrepancies passes axe (WCAG 2.2 AA)', async ({ page }) => {
  const panel = await openIncident(page, 'fr-dgse-officers-convicted-2020');
  await expect(panel.getByText('Where sources disagree, and caveats')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="incident-details"]').withTags(WCAG_22_AA).analyze();
  expect(axe.violations).toEqual([]);
});
