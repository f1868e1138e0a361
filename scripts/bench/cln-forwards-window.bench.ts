/**
 * Reading a busy Core Lightning node's last 24 h of forwards. listforwards cannot filter by time, so the client
 * finds the window's first created_index with one-row probes (galloping, then binary search) and pages from there.
 * Baseline, in the same run against the same double: walking the whole settled log from index 0 in pages of
 * 10,000 and keeping the last 24 h (what paging without the search would do).
 *
 *   npx ts-node --transpile-only scripts/bench/cln-forwards-window.bench.ts [forwards=300000] [days=365]
 *
 * Prints requests, bytes received and wall time of each, and the ratios. Both must find the same revenue;
 * exits 1 otherwise.
 */
import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { ClnClient } from '../../src/clients/cln/cln.client';
import { mapForwards } from '../../src/clients/cln/cln.mapper';
import { resilienceOptions } from '../../src/clients/common/resilience.options';
import { ResilientHttp } from '../../src/clients/common/resilient-http';
import { UpstreamMetrics } from '../../src/clients/common/upstream-metrics.service';
import type { ClnForwardWire } from '../../src/clients/cln/cln.wire';
import { clnDouble, SCID_A, SCID_B } from '../../test/doubles/cln.double';
import { makeSelfSignedCert } from '../../test/doubles/self-signed-cert';

const N = Number(process.argv[2] ?? 300_000);
const DAYS = Number(process.argv[3] ?? 365);
const RUNE = 'YmVuY2gtcnVuZS1ub3QtYS1yZWFsLW9uZS0wMDAwMDAwMDAx';

function log(nowSec: number): ClnForwardWire[] {
  const span = DAYS * 86_400;
  const out: ClnForwardWire[] = [];
  for (let i = 0; i < N; i++) {
    const t = nowSec - span + (i * span) / N;
    // One in five fails: a status filter has something to filter.
    const status = i % 5 === 4 ? 'failed' : 'settled';
    out.push({ created_index: i + 1, in_channel: SCID_A, out_channel: SCID_B, in_msat: 100_000_000 + (i % 997), out_msat: 100_000_000, fee_msat: i % 997, status, style: 'tlv', received_time: t, resolved_time: t + 1 });
  }
  return out;
}

async function main(): Promise<void> {
  Logger.overrideLogger(false);
  const nowSec = Math.floor(Date.now() / 1000);
  const tls = makeSelfSignedCert('cln-bench');
  const double = clnDouble({ rune: RUNE, tls, nowSec, forwards: log(nowSec) });
  await double.start();
  const requestsSent = () => double.requests.length;
  try {
    const client = new ClnClient({ restUrl: double.url, rune: RUNE, tlsCertPath: tls.certPath, timeoutMs: 120_000 }, new UpstreamMetrics());
    const sizes: number[] = [];
    const measure = async <T>(fn: () => Promise<T>) => {
      double.reset();
      const t0 = performance.now();
      const value = await fn();
      return { value, ms: performance.now() - t0, requests: requestsSent() };
    };

    const searched = await measure(() => client.forwardingSummary24h(new Date(nowSec * 1000)));

    const http = new ResilientHttp({ upstream: 'cln', baseUrl: double.url, metrics: new UpstreamMetrics(), options: resilienceOptions('cln', 120_000), headers: { Rune: RUNE }, ca: tls.cert });
    const walked = await measure(async () => {
      const from = nowSec - 86_400;
      let start = 0;
      let revenue = 0;
      let count = 0;
      for (;;) {
        const page = await http.request({
          operation: 'listforwards', method: 'POST', path: '/v1/listforwards', body: { status: 'settled', index: 'created', start, limit: 10_000 }, idempotent: true,
          maxContentLength: 500 * 1024 * 1024, parse: (j) => { sizes.push(JSON.stringify(j).length); return mapForwards(j); },
        });
        if (page.length === 0) break;
        for (const f of page) {
          const at = f.resolvedTime ?? f.receivedTime;
          if (at >= from && at <= nowSec) {
            revenue += f.feeMsat;
            count++;
          }
        }
        start = page[page.length - 1].createdIndex + 1;
      }
      return { revenueMsat24h: revenue, count };
    });
    http.close();
    client.onModuleDestroy();

    const same = searched.value.revenueMsat24h === walked.value.revenueMsat24h && searched.value.count === walked.value.count;
    console.log(JSON.stringify({
      forwards: N, days: DAYS, in_last_24h: searched.value.count, revenue_msat_24h: searched.value.revenueMsat24h, same_answer: same,
      search_then_page: { requests: searched.requests, ms: Math.round(searched.ms) },
      full_walk_baseline: { requests: walked.requests, ms: Math.round(walked.ms), body_mb: Math.round(sizes.reduce((a, b) => a + b, 0) / 1e6) },
      ratio_ms: Math.round((walked.ms / searched.ms) * 10) / 10,
    }, null, 2));
    if (!same) process.exitCode = 1;
  } finally {
    await double.stop();
    tls.cleanup();
  }
}

void main();
