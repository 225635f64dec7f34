/**
 * Every test file loads on a fresh clone. The third party's real series is
 * read at run time only (RESDIFF_REAL_SERIES, RESDIFF_REAL_SERIES_SOMALIA),
 * and a test that needs it skips with a notice; a file that reads it while
 * being collected fails to load instead, and `npm test` ends with a failure
 * on any machine without ../shared. This runs `vitest list` (collection
 * only) with both variables unset: it exits non-zero when any file fails to
 * load. (Its list leaves out skipped tests, so it cannot be compared with
 * the files on disk; the test files it did list must be there, at least.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

/** The test files on disk, as paths from the repository's root. */
function testFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return testFiles(path);
		return /\.test\.tsx?$/.test(e.name) ? [relative(repoRoot, path)] : [];
	});
}

describe("the suite on a machine without the real series", () => {
	it("collects every test file with RESDIFF_REAL_SERIES unset", () => {
		const env: Record<string, string | undefined> = { ...process.env };
		for (const name of Object.keys(env)) {
			// The child is a vitest of its own, not a worker of this one.
			if (name.startsWith("VITEST") || name.startsWith("RESDIFF_REAL_SERIES")) delete env[name];
		}
		const out = mkdtempSync(join(tmpdir(), "resdiff-list-"));
		try {
			const listed = join(out, "list.json");
			const run = spawnSync(
				process.execPath,
				[join(repoRoot, "node_modules/vitest/vitest.mjs"), "list", `--json=${listed}`],
				{ cwd: repoRoot, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
			);
			const output = `${run.stdout}\n${run.stderr}`;
			expect(run.status, `vitest list failed:\n${output.slice(-4000)}`).toBe(0);
			const tests = JSON.parse(readFileSync(listed, "utf8")) as { file: string }[];
			const collected = new Set(tests.map((t) => relative(repoRoot, t.file)));
			const onDisk = new Set([
				...testFiles(join(repoRoot, "src")),
				...testFiles(join(repoRoot, "test")),
			]);
			expect(collected.size).toBeGreaterThan(0);
			expect([...collected].filter((f) => !onDisk.has(f))).toEqual([]);
			expect(collected.has("test/meta/collect.test.ts")).toBe(true);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	}, 300_000);
});
