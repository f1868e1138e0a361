import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import * as channelCandidates from '../../src/graph/analytics/channel-candidates';
import { CentralityService } from '../../src/graph/centrality.service';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

const COINGATE = '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3';
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';

describe('channel-candidate advice is simulated once per node and graph', () => {
  let app: NestExpressApplication;
  let simulate: jest.SpyInstance;

  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl() });
    await app.get(CentralityService).settled();
    simulate = jest.spyOn(channelCandidates, 'simulateChannelCandidatesInWorkers');
  }, 120_000);

  afterAll(async () => {
    simulate.mockRestore();
    expect(serverErrorRoutes(app)).toEqual([]);
    await app.close();
  });

  it('shares one simulation between concurrent recommendations and priorities requests, then reads it from the cache', async () => {
    const server = app.getHttpServer();
    const answers = await Promise.all([
      request(server).get(`/api/v1/node/${SMALL}/recommendations`),
      request(server).get(`/api/v1/node/${SMALL}/recommendations?category=connectivity`),
      request(server).post(`/api/v1/node/${SMALL}/priorities`).send({ goals: ['connectivity'] }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(simulate).toHaveBeenCalledTimes(1);

    const later = await request(server).post(`/api/v1/node/${SMALL}/priorities`).send({ goals: ['routing_revenue'], max_actions: 3 }).expect(200);
    expect(later.body.cache_hit).toBe(false);
    expect(simulate).toHaveBeenCalledTimes(1);

    // The advice still comes from the simulation: its candidates appear as connectivity evidence.
    const connectivity = answers[1].body.recommendations.filter((r: { category: string }) => r.category === 'connectivity');
    expect(JSON.stringify(connectivity)).toMatch(/channel-candidate simulation/);
  });

  it('simulates again for another node', async () => {
    await request(app.getHttpServer()).get(`/api/v1/node/${COINGATE}/recommendations`).expect(200);
    expect(simulate).toHaveBeenCalledTimes(2);
  });
});
