#!/usr/bin/env node
// Runs the test suite and ends with one line "N passed, N failed", read from
// vitest's JSON report (CI reads that line, not vitest's own summary).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const report = "test-results/vitest.json";
rmSync(report, { force: true });
const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], { stdio: "inherit" });
if (!existsSync(report)) {
	console.log("0 passed, 1 failed");
	console.error("vitest wrote no report: it failed before running tests");
	process.exit(run.status || 1);
}
const results = JSON.parse(readFileSync(report, "utf8"));
const skipped = results.numPendingTests + results.numTodoTests;
// A file that fails to load, or whose setup (beforeAll) fails, has no failing test of its own
// but is a failure all the same.
const brokenFiles = results.testResults.filter(
	(f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
).length;
const failed = results.numFailedTests + brokenFiles;
if (skipped > 0) console.log(`${skipped} skipped`);
console.log(`${results.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
