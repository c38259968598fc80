/**
 * The browser a behaviour test runs in, chosen by the suite that runs it: each browser's vitest config
 * sets BACKSTORY_BROWSER and includes `test/behaviour/`, so a behaviour is written once and every
 * browser's suite checks it.
 */
import type { ExtensionDriver } from './driver';

/** Launches the browser of this run with the built extension installed. */
export async function launchDriver(): Promise<ExtensionDriver> {
  const name = process.env.BACKSTORY_BROWSER;
  if (name === 'firefox') return (await import('../firefox/driver')).FirefoxDriver.launch();
  if (name === 'chromium') return (await import('../e2e/driver')).ChromiumDriver.launch();
  throw new Error(`BACKSTORY_BROWSER=${name ?? ''}: no driver for that browser`);
}
