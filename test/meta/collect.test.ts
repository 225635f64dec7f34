/**
 * Every test file loads on a fresh clone. The third party's real series is
 * read at run time only (RESDIFF_REAL_SERIES, RESDIFF_REAL_SERIES_SOMALIA),
 * and PostgreSQL is there only when DATABASE_URL names it; a test that needs
 * either skips with a notice. A file that reads them while being collected
 * fails to load instead, and a file that declares no suite at all without
 * them fails as "No test suite found": either way `npm test` ends with a
 * failure on a machine without ../shared or PostgreSQL. This runs every file
 * with those variables unset and a test name no test has, so files load and
 * declare their suites but no test or hook runs, and holds each file to
 * having loaded.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
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

/** What the machine's test environment says that a fresh clone's does not. */
const MACHINE_ONLY = /^(VITEST|RESDIFF_REAL_SERIES|DATABASE_URL$)/;

interface FileReport {
	readonly name: string;
	readonly status: string;
	readonly message: string;
}

describe("the suite on a machine without the real series or PostgreSQL", () => {
	it("loads every test file with RESDIFF_REAL_SERIES and DATABASE_URL unset", () => {
		const env: Record<string, string | undefined> = { ...process.env };
		// The child is a vitest of its own, not a worker of this one.
		for (const name of Object.keys(env)) if (MACHINE_ONLY.test(name)) delete env[name];
		const out = mkdtempSync(join(tmpdir(), "resdiff-load-"));
		try {
			const report = join(out, "report.json");
			const run = spawnSync(
				process.execPath,
				[
					join(repoRoot, "node_modules/vitest/vitest.mjs"),
					"run",
					"--testNamePattern=^no test is named this$",
					"--reporter=json",
					`--outputFile=${report}`,
				],
				{ cwd: repoRoot, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
			);
			const output = `${run.stdout}\n${run.stderr}`;
			expect(existsSync(report), `vitest wrote no report:\n${output.slice(-4000)}`).toBe(true);
			const files = (JSON.parse(readFileSync(report, "utf8")) as { testResults: FileReport[] })
				.testResults;
			const failed = files
				.filter((f) => f.status === "failed")
				.map((f) => `${relative(repoRoot, f.name)}: ${f.message}`);
			expect(failed, "test files that fail to load on a fresh clone").toEqual([]);
			expect(run.status, `vitest failed:\n${output.slice(-4000)}`).toBe(0);
			const loaded = new Set(files.map((f) => relative(repoRoot, f.name)));
			const onDisk = [...testFiles(join(repoRoot, "src")), ...testFiles(join(repoRoot, "test"))];
			expect(onDisk.filter((f) => !loaded.has(f))).toEqual([]);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	}, 300_000);
});
