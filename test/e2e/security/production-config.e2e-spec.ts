import request from 'supertest';
import { createSecuredTestApp } from './secured-test-app';

const KEY = 'prod-key-0123456789abcdef';
const SECRET = 'prod-secret-0123456789';

describe('ENVIRONMENT=production refuses an unsafe configuration at boot', () => {
  it('without API_KEYS and SECRET_KEY, naming both', async () => {
    const boot = createSecuredTestApp({ ENVIRONMENT: 'production' });
    await expect(boot).rejects.toThrow(/Refusing to start with ENVIRONMENT=production/);
    await expect(boot).rejects.toThrow(/API_KEYS is required in production/);
    await expect(boot).rejects.toThrow(/SECRET_KEY is required in production/);
  });

  it('without SECRET_KEY alone', async () => {
    await expect(createSecuredTestApp({ ENVIRONMENT: 'production', API_KEYS: KEY })).rejects.toThrow(/SECRET_KEY is required in production/);
  });

  it('with a plain-http upstream or alert webhook, naming each (never echoing the URL)', async () => {
    const boot = createSecuredTestApp({
      ENVIRONMENT: 'production',
      API_KEYS: KEY,
      SECRET_KEY: SECRET,
      LNBITS_URL: 'http://lnbits.example.org/secret-path',
      ALERT_WEBHOOK_URL: 'http://hooks.example.org/T0K3N',
    });
    await expect(boot).rejects.toThrow(/LNBITS_URL must be an https:\/\/ URL in production/);
    await expect(boot).rejects.toThrow(/ALERT_WEBHOOK_URL must be an https:\/\/ URL in production/);
    await expect(boot).rejects.not.toThrow(/secret-path|T0K3N/);
  });

  it('starts with keys, a secret and https upstreams, and then requires a key', async () => {
    const app = await createSecuredTestApp({ ENVIRONMENT: 'production', API_KEYS: KEY, SECRET_KEY: SECRET, LNBITS_URL: 'https://lnbits.example.org' });
    try {
      await request(app.getHttpServer()).get('/api/v1/health').expect(200);
      await request(app.getHttpServer()).get('/api/v1/metrics').expect(401);
      await request(app.getHttpServer()).get('/api/v1/metrics').set('X-API-Key', KEY).expect(200);
    } finally {
      await app.close();
    }
  });

  it('staging, like development, runs without keys', async () => {
    const app = await createSecuredTestApp({ ENVIRONMENT: 'staging' });
    try {
      await request(app.getHttpServer()).get('/api/v1/metrics').expect(200);
    } finally {
      await app.close();
    }
  });
});
