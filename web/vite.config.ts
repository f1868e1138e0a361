import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The operator dashboard. Built with `vite build --config web/vite.config.ts` into web/dist, which the API serves
 * (src/dashboard): the page at / and /dashboard, hashed assets under /dashboard/assets/ (cached for a year).
 * `npx vite --config web/vite.config.ts` serves it in development, proxying /api to a running API on :8000.
 */
export default defineConfig(({ command }) => ({
  root,
  base: '/dashboard/',
  // Devtools only with the dev server: a build is the same whatever NODE_ENV says (Jest sets it to `test`).
  plugins: [preact({ devToolsEnabled: command === 'serve', prefreshEnabled: command === 'serve' })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the shipped build: they would double what the server stores for nothing the browser needs.
    sourcemap: false,
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8000' },
  },
}));
