// Prints one closing line for the whole test run, "tests: N passed, N failed, N skipped", from the JSON reports
// that the unit and end-to-end vitest runs write to test-results/. A missing report counts as a failed run.
import { existsSync, readFileSync } from 'node:fs';

const reports = ['test-results/unit.json', 'test-results/e2e.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.log(`${file} is missing: that test run did not finish.`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  // A test file that fails to load fails no single test; count it, so that the line never reads all clear.
  const failedTests = report.numFailedTests ?? 0;
  failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
