import { isHostAllowed, splitHost } from './trusted-host.middleware';

describe(isHostAllowed.name, () => {
  const allowed = ['api.dazno.de', '*.dazno.dev', 'admin.dazno.de:8443'];

  it.each([
    ['api.dazno.de', true],
    ['API.DAZNO.DE', true],
    ['api.dazno.de:443', true],
    ['x.dazno.dev', true],
    ['a.b.dazno.dev:8000', true],
    ['admin.dazno.de:8443', true],
    ['admin.dazno.de', false],
    ['admin.dazno.de:443', false],
    ['dazno.dev', false],
    ['evildazno.dev', false],
    ['api.dazno.de.evil.com', false],
    ['api.dazno.deevil', false],
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(isHostAllowed(host, allowed)).toBe(expected);
  });

  it('refuses a request without Host, and accepts everything with *', () => {
    expect(isHostAllowed(undefined, allowed)).toBe(false);
    expect(isHostAllowed('anything.example', ['*'])).toBe(true);
  });

  it('splits IPv6 literals and ports', () => {
    expect(splitHost('[::1]:8000')).toEqual({ host: '[::1]', port: '8000' });
    expect(splitHost('LocalHost')).toEqual({ host: 'localhost', port: null });
  });
});
