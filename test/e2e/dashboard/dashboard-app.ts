import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../../src/app.module';
import { DashboardModule } from '../../../src/dashboard/dashboard.module';
import { createTestApp } from '../../utils/test-app';

export const ROOT = join(__dirname, '..', '..', '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');

/** DashboardModule unless AppModule already imports it: the same app before and after it is wired in. */
export function dashboardModules(): Type[] {
  const wired = (Reflect.getMetadata('imports', AppModule) ?? []) as unknown[];
  return wired.includes(DashboardModule) ? [] : [DashboardModule];
}

/**
 * The real application with the dashboard, built by {@link createTestApp} (same environment handling, same
 * configureApp) from `AppModule` + `DashboardModule`.
 */
export function createDashboardTestApp(
  env: Record<string, string | undefined> = {},
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (b) => b,
): Promise<NestExpressApplication> {
  return createTestApp(env, () => customize(Test.createTestingModule({ imports: [AppModule, ...dashboardModules()] })));
}

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Builds web/ (Vite) when web/dist is missing or older than its sources, so a clean clone tests the real page. */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'].map((p) => join(ROOT, 'web', p)).filter(existsSync);
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [ROOT] })), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 180_000,
    // Jest sets NODE_ENV=test, which would make the Preact preset bundle its debug tools: build as production does.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** The base URL of an app listening on a free port of the loopback interface. */
export async function listen(app: NestExpressApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}
