import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { CentralityService } from '../../src/graph/centrality.service';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

// Issue 23, deliverable 4: the age of the data in every answer.
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
/** block-iad-1, asked for only by the cache test. */
const SECOND = '027100442c3b79f606f80f322d98d499eefcb060599efc5d4ecb00209c2cb54190';
const DAY_MS = 86_400_000;
/** The embedded snapshot's age today, as the service must compute it (whole UTC days). */
const embeddedAgeDays = () => Math.floor((Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - Date.parse('2026-02-03T00:00:00Z')) / DAY_MS);

interface GraphObject {
  source: string;
  snapshot_date: string;
  age_days: number;
  max_age_days: number;
  stale: boolean;
  loaded_at: string;
  warning: string | null;
}

describe('the graph object in every answer (embedded snapshot, default GRAPH_MAX_AGE_DAYS)', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '' });
    await app.get(CentralityService).settled();
  }, 180_000);
  afterAll(async () => {
    expect(serverErrorRoutes(app)).toEqual([]);
    await app.close();
  });

  const expectStaleEmbedded = (g: GraphObject) => {
    expect(g).toEqual({
      source: 'embedded-graph:2026-02-03',
      snapshot_date: '2026-02-03',
      age_days: embeddedAgeDays(),
      max_age_days: 7,
      stale: embeddedAgeDays() > 7,
      loaded_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      warning: embeddedAgeDays() > 7 ? expect.any(String) : null,
    });
    if (g.stale) {
      expect(g.warning).toContain(`dated 2026-02-03, ${embeddedAgeDays()} days old`);
      expect(g.warning).toContain('GRAPH_SOURCE=lnd');
      expect(g.warning).toContain('GRAPH_SNAPSHOT');
    }
  };

  it('node info, recommendations, priorities, channel candidates (ranked and evaluated) carry it', async () => {
    const answers = [
      await http().get(`/api/v1/node/${ACINQ}/info`).expect(200),
      await http().get(`/api/v1/node/${ACINQ}/recommendations`).expect(200),
      await http().post(`/api/v1/node/${ACINQ}/priorities`).send({ context: 'intermediate', goals: ['routing_revenue'] }).expect(200),
      await http().get(`/api/v1/node/${ACINQ}/channel-candidates?limit=3`).expect(200),
      await http().post(`/api/v1/node/${ACINQ}/channel-candidates/evaluate`).send({ candidates: [{ pubkey: '02' + 'a'.repeat(64) }] }).expect(200),
    ];
    for (const a of answers) expectStaleEmbedded(a.body.graph);
  });

  it('bulk answers carry it: inline, job status and cancel', async () => {
    const inline = await http().post('/api/v1/nodes/bulk-analysis').send({ pubkeys: [ACINQ], analysis_types: ['basic'] }).expect(200);
    expectStaleEmbedded(inline.body.graph);
    const queued = await http().post('/api/v1/nodes/bulk-analysis').send({ pubkeys: [ACINQ], analysis_types: ['basic', 'channel_candidates'] }).expect(202);
    expect(queued.body.graph).toBeUndefined(); // the 202 describes a job, not results
    const status = await http().get(queued.body.status_url).expect(200);
    expectStaleEmbedded(status.body.graph);
    const cancelled = await http().delete(queued.body.status_url).expect(200);
    expectStaleEmbedded(cancelled.body.graph);
  });

  it('a cached answer shows the age of the graph now, not the age it had when it was cached', async () => {
    // Only Date moves (timers and I/O run as usual): two minutes before UTC midnight, then one minute after,
    // well inside node info's 5-minute cache TTL, so the second answer is the cached first one.
    jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      const now = new Date();
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      jest.setSystemTime(midnight - 120_000);
      const first = await http().get(`/api/v1/node/${SECOND}/info`).expect(200);
      expect(first.body.cache_hit).toBe(false);
      jest.setSystemTime(midnight + 60_000);
      const later = await http().get(`/api/v1/node/${SECOND}/info`).expect(200);
      expect(later.body.cache_hit).toBe(true);
      expect(later.body.timestamp).toBe(first.body.timestamp);
      expect(later.body.graph.age_days).toBe(first.body.graph.age_days + 1);
      expect(later.body.graph.loaded_at).toBe(first.body.graph.loaded_at);
    } finally {
      jest.useRealTimers();
    }
  });

  it('health shows the age and the warning, and stays healthy: an old embedded snapshot is not a reason', async () => {
    const { body } = await http().get('/api/v1/health').expect(200);
    expect(body.status).toBe('healthy');
    expect(body.reasons).toEqual([]);
    expect(body.graph).toMatchObject({ snapshot_date: '2026-02-03', snapshot_date_source: 'file_name', age_days: embeddedAgeDays(), max_age_days: 7, stale: embeddedAgeDays() > 7 });
    expect(body.graph.refresh).toMatchObject({ configured_origin: 'embedded', serving_origin: 'embedded', live: false, interval_seconds: 0, last_failure: null, consecutive_failures: 0 });
  });
});

describe('GRAPH_MAX_AGE_DAYS decides when the warning appears', () => {
  it('a limit longer than the snapshot is old: fresh, no warning, anywhere', async () => {
    const app = await createTestApp({ GRAPH_HISTORY_SNAPSHOTS: '', GRAPH_MAX_AGE_DAYS: String(embeddedAgeDays() + 1) });
    try {
      const info = await request(app.getHttpServer()).get(`/api/v1/node/${ACINQ}/info`).expect(200);
      expect(info.body.graph).toMatchObject({ age_days: embeddedAgeDays(), max_age_days: embeddedAgeDays() + 1, stale: false, warning: null });
      const health = await request(app.getHttpServer()).get('/api/v1/health').expect(200);
      expect(health.body.graph).toMatchObject({ stale: false, warning: null });
    } finally {
      await app.close();
    }
  });

  it('a bad value stops the boot with a message naming the variable', async () => {
    await expect(createTestApp({ GRAPH_HISTORY_SNAPSHOTS: '', GRAPH_MAX_AGE_DAYS: 'a week' })).rejects.toThrow(/GRAPH_MAX_AGE_DAYS must be a whole number of days/);
  });
});
