/**
 * The committed migrations match the drizzle schema: drizzle-kit, asked to
 * generate from src/db/schema into a copy of drizzle/, finds nothing to add.
 * A schema change committed without its migration fails here (a new file, or
 * drizzle-kit asking whether a column was renamed, which it cannot ask here).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

function files(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe("drizzle migrations", () => {
	it("hold every change of the schema", () => {
		const copy = mkdtempSync(join(tmpdir(), "resdiff-drift-"));
		cpSync(join(repoRoot, "drizzle"), join(copy, "drizzle"), { recursive: true });
		// drizzle-kit reads paths relative to where it runs: the repository.
		const config = join(copy, "drizzle.config.mjs");
		writeFileSync(
			config,
			`export default ${JSON.stringify({
				dialect: "postgresql",
				schema: "./src/db/schema/index.ts",
				out: `./${relative(repoRoot, join(copy, "drizzle"))}`,
				strict: true,
			})};\n`,
		);
		const run = spawnSync(
			process.execPath,
			[join(repoRoot, "node_modules/drizzle-kit/bin.cjs"), "generate", `--config=${config}`],
			{ cwd: repoRoot, encoding: "utf8", timeout: 120_000, stdio: ["ignore", "pipe", "pipe"] },
		);
		expect(run.status, run.stderr + run.stdout).toBe(0);
		expect(run.stdout).toContain("No schema changes, nothing to migrate");
		expect(files(join(copy, "drizzle"))).toEqual(files(join(repoRoot, "drizzle")));
		const journal = (dir: string) => readFileSync(join(dir, "meta/_journal.json"), "utf8");
		expect(journal(join(copy, "drizzle"))).toBe(journal(join(repoRoot, "drizzle")));
	});
});
