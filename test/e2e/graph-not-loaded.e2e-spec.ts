import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { GraphService } from '../../src/graph/graph.service';
import { createTestApp } from '../utils/test-app';

/** A graph service whose snapshot never finished loading (as during a slow refresh or a failed one). */
class NeverLoadedGraphService extends GraphService {
  override async onModuleInit(): Promise<void> {}
}

describe('before the graph is loaded', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp({}, (b) => b.overrideProvider(GraphService).useClass(NeverLoadedGraphService));
  });
  afterAll(async () => {
    await app.close();
  });

  it('health is unhealthy with 503, and says why', async () => {
    const { body } = await request(app.getHttpServer()).get('/api/v1/health').expect(503);
    expect(body).toMatchObject({ status: 'unhealthy', graph: { loaded: false, nodes: null } });
    expect(body.reasons.join(' ')).toMatch(/graph not loaded/);
  });

  it('readiness is 503 while liveness stays 200', async () => {
    await request(app.getHttpServer()).get('/api/v1/health/ready').expect(503);
    await request(app.getHttpServer()).get('/api/v1/health/live').expect(200);
  });

  it('node info answers 503 GRAPH_NOT_READY rather than an error', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/node/03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f/info').expect(503);
    expect(res.body).toMatchObject({ code: 'GRAPH_NOT_READY', status: 503 });
  });
});
