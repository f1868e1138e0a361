import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { ROOT, WEB_DIST } from './dashboard-app';

/** Debian's chromium (`apt-get install -y chromium`); playwright-core downloads no browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = join(ROOT, 'reports', 'screenshots');
export const DOC_SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the dashboard's browser tests need Debian's chromium (apt-get install -y chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** What went wrong in a page that a test should fail on: uncaught errors and Content-Security-Policy violations. */
export interface PageProblems {
  errors: string[];
}

export async function newDashboardPage(browser: Browser, base: string, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (err) => problems.errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A 4xx/5xx answer logs "Failed to load resource": expected here (bad pubkeys, 503 while computing).
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.errors.push(`console: ${msg.text()}`);
  });
  // Browser-side code is passed as strings: the root tsconfig has no DOM types, and this runs in the page.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`);
  page.setDefaultTimeout(30_000);
  return { context, page, problems };
}

/**
 * Polls a page expression until it is truthy, and returns it. Not `page.waitForFunction`: that evaluates a string
 * with eval inside the page, which the dashboard's Content-Security-Policy (no 'unsafe-eval') rightly refuses.
 */
export async function pollUntil<T>(page: Page, expression: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression)) as T;
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/** Bytes of the built JavaScript, raw and gzipped (level 9, what a compressing proxy would send at best; level 6 close). */
export function builtJsWeight(): { files: string[]; rawBytes: number; gzipBytes: number; cssGzipBytes: number } {
  const assets = join(WEB_DIST, 'assets');
  const files = readdirSync(assets);
  let rawBytes = 0;
  let gzipBytes = 0;
  let cssGzipBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(assets, f));
    if (f.endsWith('.js')) {
      rawBytes += body.length;
      gzipBytes += gzipSync(body, { level: 6 }).length;
    } else if (f.endsWith('.css')) cssGzipBytes += gzipSync(body, { level: 6 }).length;
  }
  return { files: files.filter((f) => f.endsWith('.js')), rawBytes, gzipBytes, cssGzipBytes };
}

/** WCAG contrast ratio between two CSS colours (rgb()/rgba() as getComputedStyle gives them). */
export const CONTRAST_FN = `(fg, bg) => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(parse(fg)), lum(parse(bg))].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}`;
