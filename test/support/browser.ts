import fs from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * Headless Chromium for end-to-end tests. We use Debian's chromium package rather than a Playwright-downloaded
 * build because the test machines have no internet access beyond the npm registry and apt.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags verified with Debian Chromium 156 + playwright-core 1.65. --no-sandbox because tests run as root in
 * containers; the rest stop Chromium from phoning home (updates, sync, field trials), which would only add
 * noise and delays on a closed network.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function browserAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Launches headless Debian Chromium. Extra options are merged; extra args are appended to CHROMIUM_ARGS. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

const missingBrowserMessage =
  `Chromium not found at ${CHROMIUM_PATH}. Install it with: ` +
  'apt-get update && apt-get install -y chromium fonts-noto-cjk';

/**
 * Like `describe`, for suites that need the browser. A developer machine without Chromium skips the suite with
 * a logged reason; on CI (CI=true) a missing browser is a setup error, so it must fail instead of silently
 * passing with zero tests run.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  if (browserAvailable()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('Chromium is installed (required when CI=true)', () => {
        throw new Error(missingBrowserMessage);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${missingBrowserMessage}`);
  describe.skip(name, fn);
}
