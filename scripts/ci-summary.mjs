// Prints "N passed, M failed[, K skipped]" from Vitest's JSON report(s), for CI's last line.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
let found = false;
for (const path of process.argv.slice(2)) {
  if (!existsSync(path)) continue;
  const report = JSON.parse(readFileSync(path, "utf8"));
  found = true;
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += report.numPendingTests + report.numTodoTests;
  // A test file that fails outside its tests (a failing beforeAll, an import error) has no failed
  // test of its own, only skipped ones or none, but must still fail the run.
  failed += report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  ).length;
}
if (found) console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
