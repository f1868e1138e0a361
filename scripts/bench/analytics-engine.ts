import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface AnalyticsEngine {
  loader: typeof import('../../src/graph/loaders/graph-snapshot.loader');
  routable: typeof import('../../src/graph/analytics/routable-graph');
  centralities: typeof import('../../src/graph/analytics/centralities');
  candidates: typeof import('../../src/graph/analytics/channel-candidates');
  mode: string;
}

/** The engine from sources, or (compiled) from a fresh tsc build of src/ in a temp dir: plain JS workers. */
export function loadAnalyticsEngine(compiled: boolean): AnalyticsEngine {
  let base = join(ROOT, 'src');
  let mode = 'sources through ts-node (each worker thread also starts ts-node)';
  if (compiled) {
    base = mkdtempSync(join(tmpdir(), 'ln-analytics-bench-'));
    // Only the engine and what it imports (the rest of the app may be mid-edit); options as tsconfig.json.
    const entries = ['graph/loaders/graph-snapshot.loader.ts', 'graph/analytics/centralities.ts', 'graph/analytics/centrality.worker.ts',
      'graph/analytics/channel-candidates.ts', 'graph/analytics/channel-candidates.worker.ts'].map((f) => join(ROOT, 'src', f));
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--outDir', base, '--rootDir', join(ROOT, 'src'), '--module', 'commonjs',
      '--target', 'ES2022', '--strict', '--esModuleInterop', '--skipLibCheck', '--types', 'node', ...entries], { stdio: 'inherit' });
    mode = `compiled JS (tsc, ES2022, to ${base})`;
  }
  return {
    loader: require(join(base, 'graph/loaders/graph-snapshot.loader')),
    routable: require(join(base, 'graph/analytics/routable-graph')),
    centralities: require(join(base, 'graph/analytics/centralities')),
    candidates: require(join(base, 'graph/analytics/channel-candidates')),
    mode,
  };
}
