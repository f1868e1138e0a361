import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Where the dashboard is served; its assets live under `<BASE>/assets/`, as `web/vite.config.ts` builds them. */
export const DASHBOARD_BASE = '/dashboard';
/** The paths that answer the dashboard's page: the client-side router takes it from there. */
export const DASHBOARD_PAGE_PATHS = ['/', DASHBOARD_BASE, `${DASHBOARD_BASE}/{*path}`];
export const DASHBOARD_ASSET_PATHS = `${DASHBOARD_BASE}/assets/{*file}`;

/** Vite names every asset after its content hash, so a URL never changes meaning and can be cached for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page itself is revalidated on every load (ETag / Last-Modified make that a 304), so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

/**
 * Applied to the page only when nothing upstream (helmet) set a policy: same-origin scripts and API calls, no
 * inline scripts; inline styles stay allowed because the chart library sizes its canvas with style attributes.
 */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "script-src-attr 'none'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

/** The project root (the nearest folder with a package.json above this file), the same from `src/` and `dist/`. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- walks up from __dirname to the project root
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

export const DEFAULT_DIST_DIR = join(projectRoot(), 'web', 'dist');

const NOT_BUILT_TEXT = 'The operator dashboard is not built on this server: run `npm run build:web` (or `npm run build`), then reload. The API itself works: see /docs.';
const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dashboard not built</title></head>
<body><main><h1>Dashboard not built</h1>
<p>The operator dashboard is not built on this server. Run <code>npm run build:web</code> (or <code>npm run build</code>), then reload this page.</p>
<p>The API itself works: see <a href="/docs">/docs</a>.</p></main></body></html>
`;

/** No such file, or a path `send` refuses (`..`, dotfiles, malformed): all answered as the API's 404. */
const isMissing = (err: NodeJS.ErrnoException & { status?: number; statusCode?: number }) => {
  const status = err.status ?? err.statusCode;
  return err.code === 'ENOENT' || err.code === 'ENOTDIR' || (status !== undefined && status >= 400 && status < 500);
};

/** Hashed files under /dashboard/assets/: cached for a year; an unknown one falls through to the API's 404. */
export function assetHandler(distDir: string) {
  const root = join(distDir, 'assets');
  return (req: Request, res: Response, next: NextFunction): void => {
    const segments = (req.params as { file?: string[] }).file ?? [];
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(segments.join('/'), { root, dotfiles: 'deny', cacheControl: false, lastModified: false }, (err?: Error) => {
      if (!err || res.headersSent) return;
      res.removeHeader('Cache-Control');
      next(isMissing(err) ? undefined : err);
    });
  };
}

/**
 * The page (index.html) for `/`, `/dashboard` and every client-side route below it; other files at the root of
 * the build (favicon) by name. Without a build, a 503 that says how to make one, never a crash.
 */
export function pageHandler(distDir: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const last = req.path.split('/').pop() ?? '';
    const isFile = req.path.startsWith(`${DASHBOARD_BASE}/`) && last.includes('.');
    res.setHeader('Cache-Control', REVALIDATE);
    if (!isFile && !res.getHeader('Content-Security-Policy')) res.setHeader('Content-Security-Policy', FALLBACK_CSP);
    const file = isFile ? ((req.params as { path?: string[] }).path ?? []).join('/') : 'index.html';
    res.sendFile(file, { root: distDir, dotfiles: 'deny', cacheControl: false }, (err?: Error) => {
      if (!err || res.headersSent) return;
      res.removeHeader('Cache-Control');
      if (!isMissing(err)) return next(err);
      if (isFile) return next();
      notBuilt(req, res);
    });
  };
}

function notBuilt(req: Request, res: Response): void {
  res.status(503).setHeader('Cache-Control', 'no-store');
  if (req.accepts(['text/plain', 'text/html']) === 'text/html') res.type('html').send(NOT_BUILT_HTML);
  else res.type('text/plain').send(NOT_BUILT_TEXT + '\n');
}
