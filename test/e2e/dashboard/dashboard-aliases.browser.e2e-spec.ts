import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import { launchChromium, newDashboardPage, screenshotPath } from './browser';
import { createDashboardTestApp, ensureWebBuild, listen } from './dashboard-app';

/** Aliases are chosen by whoever runs a node: this graph's are markup and script, and must show up as text. */
const EVIL = '02' + 'e'.repeat(64);
const PEER = '03' + 'a'.repeat(64);
const OTHER = '03' + 'b'.repeat(64);
const EVIL_ALIAS = '<img src=x onerror="window.__xss=1">Evil<script>window.__xss=2</script>';
const PEER_ALIAS = '<svg onload="window.__xss=3"><b>Peer</b>';

function hostileGraph(): string {
  const policy = { time_lock_delta: 40, min_htlc: '1000', fee_base_msat: '1000', fee_rate_milli_msat: '100', disabled: false, max_htlc_msat: '990000000', last_update: 1_770_000_000 };
  const graph = {
    nodes: [
      { pub_key: EVIL, alias: EVIL_ALIAS, color: '#ff0000', last_update: 1_770_000_000 },
      { pub_key: PEER, alias: PEER_ALIAS, color: '#00ff00', last_update: 1_770_000_000 },
      { pub_key: OTHER, alias: 'Plain "quoted" & <amp>', color: '#0000ff', last_update: 1_770_000_000 },
    ],
    edges: [
      { channel_id: '1', chan_point: 'a'.repeat(64) + ':0', node1_pub: EVIL, node2_pub: PEER, capacity: '5000000', node1_policy: policy, node2_policy: policy },
      { channel_id: '2', chan_point: 'b'.repeat(64) + ':0', node1_pub: PEER, node2_pub: OTHER, capacity: '2000000', node1_policy: policy, node2_policy: policy },
      { channel_id: '3', chan_point: 'c'.repeat(64) + ':0', node1_pub: EVIL, node2_pub: OTHER, capacity: '1000000', node1_policy: policy, node2_policy: { ...policy, fee_rate_milli_msat: '0' } },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), 'hostile-graph-'));
  const file = join(dir, 'hostile_2026-02-01.describegraph.json');
  writeFileSync(file, JSON.stringify(graph));
  return file;
}

// A real browser on a shared 2-core machine: a failed test runs once more, and its first failure is printed
// either way, so a flake shows in the log instead of being hidden (a test that fails twice fails the run).
jest.retryTimes(1, { logErrorsBeforeRetry: true });

describe('Operator dashboard with attacker-controlled aliases (Chromium)', () => {
  let app: NestExpressApplication;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    app = await createDashboardTestApp({ GRAPH_SNAPSHOT: hostileGraph(), GRAPH_HISTORY_SNAPSHOTS: '' });
    base = await listen(app);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows markup in aliases as text, in the search, the page title, the tables and the graph, and runs none of it', async () => {
    const { page, problems, context } = await newDashboardPage(browser, base);
    try {
      await page.goto(`${base}/`);
      await page.locator('#node-search').fill('<img');
      const option = page.getByRole('listbox', { name: 'Matching nodes' }).getByRole('option').first();
      await option.waitFor();
      await expect(option.locator('.search-alias').textContent()).resolves.toBe(EVIL_ALIAS);
      await option.click();
      await page.waitForURL(`${base}/dashboard/node/${EVIL}`);
      await page.getByTestId('summary-cards').waitFor();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(EVIL_ALIAS);
      await expect(page.title()).resolves.toContain(EVIL_ALIAS);
      await expect(page.locator('#channels table tbody').textContent()).resolves.toContain(PEER_ALIAS);
      const svgTexts = await page.locator('svg.neighbourhood text').allTextContents();
      expect(svgTexts.some((t) => t.startsWith('<svg onload'))).toBe(true);
      const injected = await page.evaluate(`({
        flag: window.__xss ?? null,
        imgs: document.querySelectorAll('img[src="x"]').length,
        scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
        bold: document.querySelectorAll('main b').length,
      })`);
      expect(injected).toEqual({ flag: null, imgs: 0, scripts: 0, bold: 0 });
      await page.screenshot({ path: screenshotPath('08-hostile-aliases.png') });
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
