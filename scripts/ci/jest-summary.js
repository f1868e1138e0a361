#!/usr/bin/env node
// Prints "N passed, N failed" from Jest's --json report. A suite that failed without a failed test (it did not
// compile or load, or a beforeAll/afterAll hook threw after its tests passed) counts as one failure, and its
// message is printed; a missing report (typecheck failed first) is a failure too.
const fs = require('node:fs');

const file = process.argv[2] ?? 'reports/jest.json';
if (!fs.existsSync(file)) {
  console.log('no Jest report: the run stopped before the tests (see the type check output above)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed'));
for (const s of brokenSuites) console.log(`suite failed outside its tests: ${s.name}\n${(s.message || '').slice(0, 4000)}`);
for (const s of r.testResults) {
  for (const a of s.assertionResults.filter((t) => t.status === 'failed')) {
    console.log(`failed: ${a.fullName}\n${(a.failureMessages[0] || '').split('\n').slice(0, 12).join('\n')}`);
  }
}
const passed = r.numPassedTests;
let failed = r.numFailedTests + brokenSuites.length;
if (!r.success && failed === 0) {
  console.log('Jest reported the run as failed without naming a failed test or suite');
  failed = 1;
}
const ok = r.success && failed === 0 && r.numTotalTests > 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
