#!/usr/bin/env node
// `npm start`: serves the current build, building first only when it is missing or older than its sources, so a
// second start is as fast as `npm run start:prod` and a fresh clone still builds. Freshness is by modification
// time: the newest input file against the oldest build output.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const INPUTS = ['src', 'web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];
const OUTPUTS = ['dist/main.js', 'web/dist/index.html'];

function newestMtime(rel) {
  const full = path.join(ROOT, rel);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(rel, e)));
  return newest;
}

/** Why a build is needed, or null when the current one is up to date. */
function staleReason() {
  const missing = OUTPUTS.find((o) => !fs.existsSync(path.join(ROOT, o)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...OUTPUTS.map((o) => fs.statSync(path.join(ROOT, o)).mtimeMs));
  const changed = INPUTS.find((i) => newestMtime(i) > built);
  return changed ? `${changed} changed since the last build` : null;
}

const reason = staleReason();
if (reason) {
  console.error(`npm start: building (${reason})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
require(path.join(ROOT, 'dist/main.js'));
