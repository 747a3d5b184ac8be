import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './browser.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: '../playwright-report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    timezoneId: 'America/Los_Angeles',
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: '**/*.no-webgl.spec.ts',
    },
    {
      name: 'no-webgl',
      testMatch: '**/*.no-webgl.spec.ts',
      use: { launchOptions: { executablePath, args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'] } },
    },
  ],
  webServer: {
    command: `npm run build && node e2e/server.mjs`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { E2E_PORT: String(PORT) },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
