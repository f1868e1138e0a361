import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, BrowserContext, Page, Request as PwRequest } from 'playwright-core';
import { CentralityService } from '../../../src/graph/centrality.service';
import { formatSat } from '../../../web/src/format';
import { serverErrorRoutes, testRedisUrl } from '../../utils/test-app';
import { builtJsWeight, CONTRAST_FN, DOC_SCREENSHOTS, launchChromium, newDashboardPage, PageProblems, pollUntil, screenshotPath } from './browser';
import { createDashboardTestApp, ensureWebBuild, listen, ROOT } from './dashboard-app';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const COINGATE = '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3';
const UNKNOWN = '02' + 'ab'.repeat(32);
/** WalletOfSatoshi: 279 zombie channels in one recommendation. */
const WOS = '035e4ff418fc8b5554c5d9eea66396c227bd429a3251c8cbc711002ba215bfc226';
/** A 3-channel node: its connectivity plan opens channels (committed capital). */
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';
/**
 * Issue target: JavaScript ≤ 300 KB gzipped. The first render (target ≤ 1 s after the node-info answer) is
 * measured and printed, not asserted: a busy machine can exceed any wall-clock budget.
 */
const MAX_JS_GZIP_BYTES = 300 * 1024;

/** Figures printed at the end and written to reports/dashboard-metrics.json. */
const measured: Record<string, unknown> = {};

// A real browser on a shared 2-core machine: a failed test runs once more, and its first failure is printed
// either way, so a flake shows in the log instead of being hidden (a test that fails twice fails the run).
jest.retryTimes(1, { logErrorsBeforeRetry: true });

describe('Operator dashboard in Chromium, against the running app (embedded 2026 graph)', () => {
  let app: NestExpressApplication;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBuild();
    app = await createDashboardTestApp({ REDIS_URL: testRedisUrl() });
    base = await listen(app);
    // Centralities are computed in the background after boot; until then candidates answer 503
    // ANALYTICS_NOT_READY (the "computing" test below shows the page handles it). Waiting here keeps the timings
    // below about the page, not about two cores busy computing, and leaves no 5xx in the app's metrics.
    const [, launched] = await Promise.all([app.get(CentralityService).settled(), launchChromium()]);
    browser = launched;
    ({ context, page, problems } = await newDashboardPage(browser, base));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (app) {
      expect(serverErrorRoutes(app)).toEqual([]);
      await app.close();
    }
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(join(ROOT, 'reports', 'dashboard-metrics.json'), JSON.stringify(measured, null, 2) + '\n');
    console.log(`dashboard measurements:\n${JSON.stringify(measured, null, 2)}`);
  });

  afterEach(() => {
    expect(problems.errors).toEqual([]);
  });

  it('finds ACINQ by typing "ACI" (keyboard only) and shows its page, measuring the first render', async () => {
    const scripts: Array<Promise<number>> = [];
    const onResponse = (res: import('playwright-core').Response) => {
      if (res.request().resourceType() === 'script') scripts.push(res.body().then((b) => b.length));
    };
    page.on('response', onResponse);
    const home = await page.goto(`${base}/`);
    expect(home?.status()).toBe(200);
    expect(home?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByRole('heading', { level: 1, name: 'Operator dashboard' }).waitFor();
    // The network's figures, never a bare "Loading…": counts from health first, then the distributions.
    await page.locator('.cards .card-value').filter({ hasText: '17,324' }).waitFor();
    await page.locator('.cards .card-value').filter({ hasText: 'ppm' }).waitFor();

    await page.locator('#node-search').focus();
    await page.keyboard.type('ACI', { delay: 40 });
    const first = page.getByRole('listbox', { name: 'Matching nodes' }).getByRole('option').first();
    await first.waitFor();
    expect(await first.locator('.search-alias').textContent()).toBe('ACINQ');
    await expect(page.locator('#node-search-status').textContent()).resolves.toMatch(/of \d+ matching nodes/);

    const infoAnswer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/node/${ACINQ}/info`));
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#node-search').getAttribute('aria-activedescendant')).toBe('node-search-option-0');
    await page.keyboard.press('Enter');
    const answer = await infoAnswer;
    const answeredAt = Date.now();
    expect(answer.status()).toBe(200);
    await page.getByTestId('summary-cards').waitFor({ state: 'visible' });
    const visibleAt = Date.now();

    expect(new URL(page.url()).pathname).toBe(`/dashboard/node/${ACINQ}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('ACINQ');
    // Focus moves to the page's heading (on the next animation frame), so a screen reader announces the new page.
    await page.waitForFunction(`document.activeElement?.tagName === 'H1'`, undefined, { timeout: 5000 });
    const cards = await page.getByTestId('summary-cards').textContent();
    expect(cards).toContain('1,989');
    expect(cards).toContain('453.57 BTC');

    // In-page User Timing: from the node-info response's headers to two frames after the cards rendered.
    const firstRenderMs = await pollUntil<number>(page, `performance.getEntriesByName('dashboard:node-first-render')[0]?.duration`);
    measured.first_render_ms_in_page = Math.round(firstRenderMs);
    measured.first_render_ms_playwright = visibleAt - answeredAt;

    page.off('response', onResponse);
    const built = builtJsWeight();
    const sentJsBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    measured.js_files = built.files;
    measured.js_raw_bytes = built.rawBytes;
    measured.js_gzip_bytes = built.gzipBytes;
    measured.css_gzip_bytes = built.cssGzipBytes;
    measured.js_bytes_loaded_by_page = sentJsBytes;
    expect(sentJsBytes).toBe(built.rawBytes);
    expect(built.gzipBytes).toBeLessThanOrEqual(MAX_JS_GZIP_BYTES);
    await page.screenshot({ path: screenshotPath('01-node-acinq.png') });
  });

  it('draws the charts, the history and the neighbourhood (peers, then candidates once computed)', async () => {
    for (const name of ['channels-scatter', 'size-histogram', 'fee-histogram']) {
      const chart = page.locator(`[data-chart="${name}"][data-drawn="true"]`);
      await chart.waitFor();
      expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(1000);
      // Something was actually painted: count non-transparent pixels of the chart's canvas.
      const painted = await chart.locator('canvas').evaluate(
        // A canvas element: the root tsconfig has no DOM types.
        (c: any) => {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data as Uint8ClampedArray;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
          return n;
        },
      );
      expect({ name, painted: painted > 2000 }).toEqual({ name, painted: true });
    }
    await expect(page.locator('[data-chart="channels-scatter"]').getAttribute('aria-label')).resolves.toMatch(/1,864 channels with an enabled policy/);

    const rows = page.getByTestId('history-table').locator('tbody tr');
    await rows.nth(2).waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).locator('th').textContent()).toBe('2024-09-22');

    const svg = page.locator('svg.neighbourhood');
    expect(await svg.locator('a.peer').count()).toBe(30);
    expect(await svg.locator('a.peer circle').count()).toBe(30);
    const t0 = Date.now();
    const sawComputing = await page.locator('[data-testid="candidates-status"] [data-state="computing"]').isVisible();
    await svg.locator('a.candidate').nth(4).waitFor({ timeout: 110_000 });
    measured.candidates_shown_after_ms = Date.now() - t0;
    measured.candidates_showed_computing_first = sawComputing;
    expect(await svg.locator('a.candidate').count()).toBe(5);
    expect(await page.getByTestId('candidates-table').locator('tbody tr').count()).toBe(5);
    expect(await page.locator('[data-testid="candidates-status"] [data-state="computing"]').count()).toBe(0);
    await page.locator('#neighbourhood').screenshot({ path: screenshotPath('02-neighbourhood.png') });
    await page.screenshot({ path: screenshotPath('03-node-acinq-full.png'), fullPage: true });
  }, 150_000);

  it('copies an lncli command with one click', async () => {
    const command = page.locator('.rec .command').filter({ hasText: 'lncli' }).first();
    await command.waitFor({ timeout: 60_000 });
    const text = (await command.locator('code').textContent())!;
    expect(text).toMatch(/^lncli /);
    const button = command.getByRole('button', { name: 'Copy lncli' });
    await button.click();
    // The clipboard write is asynchronous: wait for the button to say it is done.
    await command.locator('button[data-copied="true"]').waitFor({ timeout: 5_000 });
    await expect(button.textContent()).resolves.toContain('Copied');
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(text);
    await command.screenshot({ path: screenshotPath('04-copied-command.png') });
  }, 90_000);

  it('submits a plan and shows it with model_used; a bad field comes back as the API’s 400', async () => {
    const form = page.locator('form.plan-form');
    await form.scrollIntoViewIfNeeded();
    await form.getByLabel('Maximum number of actions (1–10)').fill('11');
    await form.getByRole('button', { name: 'Build the plan' }).click();
    const error = page.locator('#plan-error');
    await error.waitFor();
    await expect(error.getAttribute('data-status')).resolves.toBe('400');
    await expect(error.textContent()).resolves.toContain('max_actions must be an integer between 1 and 10');
    await expect(form.getByLabel('Maximum number of actions (1–10)').getAttribute('aria-invalid')).resolves.toBe('true');

    await form.getByLabel('Reliability').check();
    await form.getByLabel('Your experience').selectOption('expert');
    await form.getByLabel('Maximum number of actions (1–10)').fill('3');
    await form.getByLabel('Budget, sat (empty: no limit)').fill('1000000');
    const planAnswer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/node/${ACINQ}/priorities`) && r.request().method() === 'POST', { timeout: 60_000 });
    await form.getByRole('button', { name: 'Build the plan' }).click();
    const sent = (await planAnswer).request().postDataJSON();
    expect(sent).toEqual({ context: 'expert', goals: ['routing_revenue', 'connectivity', 'reliability'], max_actions: 3, budget_limit: 1_000_000 });
    const result = page.getByTestId('plan-result');
    await result.waitFor({ timeout: 60_000 });
    await expect(result.getAttribute('data-model-used')).resolves.toBe('deterministic');
    await expect(page.getByTestId('plan-model').textContent()).resolves.toMatch(/Built by the deterministic engine · model_used: deterministic/);
    const actions = await result.locator('.plan-actions > li').count();
    expect(actions).toBeGreaterThan(0);
    expect(actions).toBeLessThanOrEqual(3);
    expect(await page.locator('#plan-error').count()).toBe(0);
    await page.waitForFunction(`document.activeElement?.id === 'plan-result-h'`, undefined, { timeout: 5000 });
    await result.screenshot({ path: screenshotPath('05-plan.png') });
  }, 90_000);

  it('shows candidates sized and vetted, the node role, covered channels, and plans with capital apart from cost and manual actions marked', async () => {
    const recsAnswer = page.waitForResponse((r) => r.url().includes(`/api/v1/node/${WOS}/recommendations`), { timeout: 60_000 });
    const candsAnswer = page.waitForResponse((r) => r.url().includes(`/api/v1/node/${WOS}/channel-candidates`) && r.status() === 200, { timeout: 110_000 });
    await page.goto(`${base}/dashboard/node/${WOS}`);
    const recs = await (await recsAnswer).json();
    const cands = await (await candsAnswer).json();

    const rows = page.getByTestId('candidates-table').locator('tbody tr');
    await rows.nth(cands.candidates.length - 1).waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(cands.candidates.length);
    for (const [i, c] of (cands.candidates as Array<{ suggested_capacity: number; suggested_capacity_rule: string; vetting: { passed: boolean }; modelled_flow: { note: string } | null }>).entries()) {
      const modelled = rows.nth(i).getByTestId('candidate-modelled');
      if (c.modelled_flow) await expect(modelled.locator('details p').textContent()).resolves.toBe(c.modelled_flow.note);
      else await expect(modelled.textContent()).resolves.toBe('—');
      const size = rows.nth(i).getByTestId('candidate-size');
      await expect(size.textContent()).resolves.toContain(formatSat(c.suggested_capacity, 'en'));
      await expect(size.locator('details p').textContent()).resolves.toBe(c.suggested_capacity_rule);
      await expect(rows.nth(i).getByTestId('candidate-vetting').getAttribute('data-passed')).resolves.toBe(String(c.vetting.passed));
      await expect(rows.nth(i).getByTestId('candidate-vetting').locator('.badge').textContent()).resolves.toBe(c.vetting.passed ? 'advised' : 'not advised');
    }

    const role = page.locator('#recommendations').getByTestId('node-role');
    await role.waitFor({ timeout: 30_000 });
    await expect(role.getAttribute('data-role')).resolves.toBe(recs.node_role.role);
    const showAll = page.locator('#recommendations button[aria-expanded="false"]');
    if ((await showAll.count()) > 0) await showAll.click();
    const withCovered = (recs.recommendations as Array<{ covered_channels: unknown[] }>).filter((r) => r.covered_channels.length > 0);
    expect(withCovered.length).toBeGreaterThan(0);
    await expect(page.locator('.recs [data-testid="covered-channels"]').count()).resolves.toBe(withCovered.length);
    const zombies = page.locator('.recs [data-testid="covered-channels"][data-count="279"]');
    await zombies.locator('summary').click();
    await expect(zombies.locator('summary').textContent()).resolves.toBe('Covers 279 channels');
    await expect(zombies.locator('tbody tr').count()).resolves.toBe(279);

    await page.goto(`${base}/dashboard/node/${SMALL}`);
    const form = page.locator('form.plan-form');
    await form.waitFor({ timeout: 30_000 });
    await form.scrollIntoViewIfNeeded();
    // Connectivity alone: a plan of channel opens, whose capital is not a cost.
    await form.getByLabel('Routing revenue').uncheck();
    const planAnswer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/node/${SMALL}/priorities`) && r.request().method() === 'POST', { timeout: 60_000 });
    await form.getByRole('button', { name: 'Build the plan' }).click();
    const plan = await (await planAnswer).json();
    expect((plan.priority_actions as Array<{ committed_capital: number }>).some((a) => a.committed_capital > 0)).toBe(true);
    const result = page.getByTestId('plan-result');
    await result.waitFor({ timeout: 60_000 });
    await expect(result.getByTestId('node-role').getAttribute('data-role')).resolves.toBe(plan.node_role.role);
    await expect(result.getByTestId('plan-capital').locator('.card-value').textContent()).resolves.toBe(formatSat(plan.total_committed_capital, 'en'));
    const actions = plan.priority_actions as Array<{ manual: boolean; committed_capital: number }>;
    await expect(result.locator('.plan-actions > li').count()).resolves.toBe(actions.length);
    for (const [i, a] of actions.entries()) {
      const li = result.locator('.plan-actions > li').nth(i);
      await expect(li.locator('.badge.manual').count()).resolves.toBe(a.manual ? 1 : 0);
      if (a.committed_capital > 0) await expect(li.locator('p.muted').first().textContent()).resolves.toContain(`capital ${formatSat(a.committed_capital, 'en')}`);
    }
    await result.screenshot({ path: screenshotPath('05b-plan-capital.png') });
  }, 180_000);

  it('says "computing" while candidates answer 503 ANALYTICS_NOT_READY, and retries until they come', async () => {
    // Right after boot the real API answers this 503 for a few seconds; by now it has finished computing, so the
    // browser is made to see the first two answers as the API sends them then (same status, headers and body).
    let refused = 0;
    const pattern = '**/api/v1/node/*/channel-candidates?limit=5';
    await page.route(pattern, async (route) => {
      if (refused >= 2) return route.continue();
      refused++;
      await route.fulfill({
        status: 503,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
        body: JSON.stringify({
          type: 'urn:ln-intelligence:error:analytics-not-ready',
          title: 'Analytics not ready',
          status: 503,
          code: 'ANALYTICS_NOT_READY',
          detail: 'Network centralities are still being computed for this graph; retry in a few seconds',
          instance: new URL(route.request().url()).pathname,
        }),
      });
    });
    try {
      await page.goto(`${base}/dashboard/node/${COINGATE}`);
      const computing = page.locator('[data-testid="candidates-status"] [data-state="computing"]');
      await computing.waitFor();
      await expect(computing.textContent()).resolves.toMatch(/computing/);
      await page.locator('svg.neighbourhood a.candidate').nth(4).waitFor({ timeout: 30_000 });
      expect(refused).toBe(2);
      expect(await computing.count()).toBe(0);
      expect(await page.locator('#neighbourhood .error').count()).toBe(0);
    } finally {
      await page.unroute(pattern);
    }
  }, 60_000);

  it('explains a bad pubkey typed into the search or the URL with the API’s 400, and an unknown one with its 404', async () => {
    await page.goto(`${base}/`);
    await page.locator('#node-search').fill('03zz');
    await page.locator('#node-search').press('Enter');
    await page.waitForURL(`${base}/dashboard/node/03zz`);
    const error = page.locator('#node-error');
    await error.waitFor();
    await expect(error.getAttribute('data-status')).resolves.toBe('400');
    await expect(error.textContent()).resolves.toMatch(/Invalid request.*VALIDATION_FAILED.*pubkey must be 66 hexadecimal characters \(got 4\)/);
    await page.screenshot({ path: screenshotPath('06-bad-pubkey.png') });

    await page.goto(`${base}/dashboard/node/not-a-pubkey`);
    await expect(page.locator('#node-error').textContent()).resolves.toContain('pubkey must be 66 hexadecimal characters (got 12)');

    await page.goto(`${base}/dashboard/node/${UNKNOWN}`);
    await expect(page.locator('#node-error').getAttribute('data-status')).resolves.toBe('404');
    await expect(page.locator('#node-error').textContent()).resolves.toContain('NODE_NOT_FOUND');

    await page.locator('#node-search').fill('x'.repeat(70));
    const searchError = page.locator('#node-search-error');
    await searchError.waitFor();
    await expect(searchError.textContent()).resolves.toContain('q must be between 1 and 66 characters');
  });

  it('shows the service’s health and metrics, refreshing live', async () => {
    await page.goto(`${base}/dashboard/service`);
    await expect(page.getByTestId('health-status').textContent()).resolves.toBe('healthy');
    const routes = page.getByTestId('routes-table');
    await routes.waitFor();
    const infoRow = routes.locator('tbody tr').filter({ hasText: 'GET /api/v1/node/:pubkey/info' });
    expect(await infoRow.count()).toBe(1);
    expect(await infoRow.locator('td').nth(1).textContent()).toMatch(/^\d/); // p50 in ms
    const updated = page.getByTestId('service-updated');
    const firstPoll = Number(await updated.getAttribute('data-polls'));
    const t0 = Date.now();
    await pollUntil(page, `Number(document.querySelector('[data-testid="service-updated"]')?.getAttribute('data-polls')) > ${firstPoll}`, 15_000);
    measured.service_refresh_ms = Date.now() - t0;
    await page.locator('[data-chart="service-live"][data-drawn="true"]').waitFor({ timeout: 15_000 });
    // One more poll, so the live chart has a line rather than a point.
    await pollUntil(page, `Number(document.querySelector('[data-testid="service-updated"]')?.getAttribute('data-polls')) > ${firstPoll + 1}`, 15_000);
    expect(Number(await page.locator('[data-chart="service-live"]').getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('07-service.png'), fullPage: true });
  }, 60_000);

  it('speaks French when the browser does, asks the API in French, and switches back', async () => {
    const fr = await newDashboardPage(browser, base, 'fr-FR');
    try {
      const languages: string[] = [];
      fr.page.on('request', (r: PwRequest) => {
        if (r.url().includes('/recommendations')) languages.push(r.headers()['accept-language']);
      });
      // The first advice's wording is the API's (the engine decides which comes first): the page shows it as answered.
      const recsAnswer = (lang: string) => fr.page.waitForResponse((r) => r.url().includes(`/api/v1/node/${ACINQ}/recommendations`) && r.request().headers()['accept-language'] === lang, { timeout: 60_000 });
      const frAnswer = recsAnswer('fr');
      await fr.page.goto(`${base}/dashboard/node/${ACINQ}`);
      await expect(fr.page.evaluate('document.documentElement.lang')).resolves.toBe('fr');
      await expect(fr.page.locator('#language').inputValue()).resolves.toBe('fr');
      const frBody = await (await frAnswer).json();
      expect(frBody.language).toBe('fr');
      await fr.page.getByRole('heading', { level: 2, name: 'Recommandations' }).waitFor();
      await fr.page.locator('.recs .rec-action').first().waitFor({ timeout: 60_000 });
      await expect(fr.page.locator('.recs .rec-action').first().textContent()).resolves.toBe(frBody.recommendations[0].action);
      await expect(fr.page.getByTestId('node-role').locator('p strong').textContent()).resolves.toMatch(/^Rôle : /);
      expect(languages).toEqual(['fr']);

      const enAnswer = recsAnswer('en');
      await fr.page.getByLabel('Langue').selectOption('en');
      const enBody = await (await enAnswer).json();
      expect(enBody.language).toBe('en');
      expect(enBody.recommendations[0].id).toBe(frBody.recommendations[0].id);
      expect(enBody.recommendations[0].action).not.toBe(frBody.recommendations[0].action);
      await fr.page.getByRole('heading', { level: 2, name: 'Recommendations' }).waitFor();
      await pollUntil(fr.page, `document.querySelector('.recs .rec-action')?.textContent === ${JSON.stringify(enBody.recommendations[0].action)}`);
      expect(languages).toEqual(['fr', 'en']);
      await expect(fr.page.evaluate('document.documentElement.lang')).resolves.toBe('en');
      expect(fr.problems.errors).toEqual([]);
    } finally {
      await fr.context.close();
    }
  }, 90_000);

  it('labels every control, shows focus, keeps text contrast at WCAG AA, and skips to the content', async () => {
    await page.goto(`${base}/dashboard/node/${ACINQ}`);
    await page.getByTestId('summary-cards').waitFor();
    await page.locator('form.plan-form').waitFor();
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => !((el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim())))
      .map((el) => el.outerHTML.slice(0, 120))`);
    expect(unlabelled).toEqual([]);

    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(`({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })`);
    expect(skip).toEqual({ text: 'Skip to content', outline: 'solid' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.activeElement?.id === 'main'`, undefined, { timeout: 5000 });

    const ratios = await page.evaluate(`(() => {
      const contrast = ${CONTRAST_FN};
      const bg = getComputedStyle(document.documentElement).backgroundColor;
      const pick = (sel) => { const el = document.querySelector(sel); return el ? contrast(getComputedStyle(el).color, bg) : null; };
      return { body: pick('h1'), muted: pick('.muted'), link: pick('.nav a'), label: pick('.search-label') };
    })()`);
    for (const [what, ratio] of Object.entries(ratios as Record<string, number | null>)) {
      expect({ what, ok: ratio !== null && ratio >= 4.5 }).toEqual({ what, ok: true });
    }
  });

  it('asks for the API key after a 401, then sends it with every call (kept for the tab only)', async () => {
    // With API_KEYS set (required in production) every /api/v1 route but health answers this 401 without a key;
    // here the browser gets that answer for any call without the right key, as the API's guard sends it.
    const KEY = 'dashboard-e2e-key-0123456789';
    const sent: Array<string | null> = [];
    const pattern = `${base}/api/v1/**`;
    await context.route(pattern, async (route) => {
      const key = route.request().headers()['x-api-key'] ?? null;
      sent.push(key);
      if (key === KEY) return route.continue();
      await route.fulfill({
        status: 401,
        headers: { 'Content-Type': 'application/problem+json', 'WWW-Authenticate': 'Bearer realm="api"' },
        body: JSON.stringify({
          type: 'urn:ln-intelligence:error:unauthorized',
          title: 'Unauthorized',
          status: 401,
          code: 'UNAUTHORIZED',
          detail: 'A valid API key is required: send it in the X-API-Key header or as Authorization: Bearer <key>',
          instance: new URL(route.request().url()).pathname,
        }),
      });
    });
    try {
      await page.goto(`${base}/dashboard/node/${ACINQ}`);
      const error = page.locator('#node-error');
      await error.waitFor();
      await expect(error.getAttribute('data-status')).resolves.toBe('401');
      await expect(error.textContent()).resolves.toContain('This server requires an API key');
      await error.getByRole('button', { name: 'API key' }).click();
      // The app moves focus on the next animation frame, once the key form is open: wait for that frame (a busy
      // machine can delay it past the click's return) rather than reading the focus at once.
      await page.waitForFunction(`document.activeElement?.id === 'api-key'`, undefined, { timeout: 5000 });
      await page.keyboard.type(KEY);
      await page.keyboard.press('Enter');
      await page.getByTestId('summary-cards').waitFor();
      expect(sent[0]).toBeNull();
      expect(sent.at(-1)).toBe(KEY);
      await expect(page.evaluate(`sessionStorage.getItem('lnint.apiKey')`)).resolves.toBe(KEY);
      await expect(page.evaluate(`localStorage.getItem('lnint.apiKey')`)).resolves.toBeNull();
    } finally {
      await context.unroute(pattern);
      await page.evaluate(`sessionStorage.removeItem('lnint.apiKey')`);
    }
  });

  it('keeps two screenshots for the README in docs/screenshots', () => {
    // Refreshed on demand (UPDATE_SCREENSHOTS=1) so ordinary runs leave the committed images alone.
    mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    for (const [from, to] of [
      ['01-node-acinq.png', 'dashboard-node.png'],
      ['07-service.png', 'dashboard-service.png'],
    ]) {
      const target = join(DOC_SCREENSHOTS, to);
      if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(target)) copyFileSync(screenshotPath(from), target);
      expect(existsSync(target)).toBe(true);
    }
  });
});
