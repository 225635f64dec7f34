/**
 * The README's HTTP examples run as written against the Node service on a
 * fresh clone's data: the shipped corpus and the synthetic draft in
 * examples/. Each `curl` command of its shell blocks is run by bash (the
 * address moved to the test server's port) and must exit 0 with something
 * to show; every one uses --fail, so a 404 is never saved as a download.
 * The examples that compare two stored members need a second one: with
 * RESDIFF_REAL_SERIES set, the real 34/39 is stored first (in the temporary
 * database only); without it, they skip with a notice.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { parseEnv } from "../src/env.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { importCorpus } from "../src/services/corpus.ts";
import { importRealSeries } from "./browser/seed-real.ts";
import { tempDataDir } from "./helpers/db.ts";
import { corpusDir, realSeriesDir, repoRoot } from "./helpers/paths.ts";
import { loadRealMembers } from "./helpers/real-series.ts";

/** Every command of the README's `sh` blocks, continuation lines joined. */
function readmeCommands(): string[] {
	const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
	const commands: string[] = [];
	for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
		let pending = "";
		for (const raw of (block[1] ?? "").split("\n")) {
			const line = pending ? `${pending}\n${raw}` : raw;
			if (/\\\s*$/.test(raw)) {
				pending = line;
				continue;
			}
			pending = "";
			const command = line.replace(/\s+#[^'"\n]*$/, "").trim();
			if (command && !command.startsWith("#")) commands.push(command);
		}
	}
	return commands;
}

/** Runs a command line in bash; its exit status and what it printed. */
function runBash(
	command: string,
	cwd: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn("bash", ["-c", command], {
			cwd,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, RESDIFF_ADMIN_TOKEN: ADMIN_TOKEN },
		});
		let stdout = "";
		let stderr = "";
		child.stdout.on("data", (d: Buffer) => {
			stdout += d.toString();
		});
		child.stderr.on("data", (d: Buffer) => {
			stderr += d.toString();
		});
		child.on("close", (status) => resolve({ status, stdout, stderr }));
	});
}

const curls = readmeCommands().filter((c) => /\bcurl\b/.test(c));
const needsTwoMembers = (c: string) => c.includes("/api/diff") || c.includes("/api/decisions");
/** The admin token the test server runs with; the README's review examples read it from the shell. */
const ADMIN_TOKEN = "readme-test-admin-token";
const realDir = realSeriesDir("README examples between two stored members");

describe("the README's HTTP examples", () => {
	let server: RunningServer;
	let cwd = "";

	beforeAll(async () => {
		const dataDir = tempDataDir();
		if (realDir) {
			const handle = await createDb({ RESDIFF_DATA_DIR: dataDir });
			try {
				const ctx = { db: handle.db };
				await importCorpus(ctx, corpusDir);
				const others = loadRealMembers(realDir)
					.map((m) => m.symbol)
					.filter((s) => s !== "A/HRC/RES/34/39");
				await importRealSeries(ctx, realDir, others);
			} finally {
				await handle.close();
			}
		}
		server = await startServer({
			env: parseEnv({
				RESDIFF_DATA_DIR: dataDir,
				RESDIFF_CORPUS: corpusDir,
				PORT: "0",
				RESDIFF_ADMIN_TOKEN: ADMIN_TOKEN,
			}),
			hostname: "127.0.0.1",
			log: () => {},
		});
		// The examples name files from the repository's root; downloads land in a folder of their own.
		cwd = mkdtempSync(join(tmpdir(), "resdiff-readme-"));
		symlinkSync(join(repoRoot, "examples"), join(cwd, "examples"));
	});
	afterAll(async () => {
		await server?.close();
	});

	it("has HTTP examples, every one with --fail", () => {
		expect(curls.length).toBeGreaterThanOrEqual(6);
		for (const c of curls) expect(c, c).toContain("--fail");
	});

	async function expectRuns(command: string): Promise<void> {
		const before = new Set(readdirSync(cwd));
		// Asynchronously: the server answers from this process.
		const run = await runBash(command.replaceAll("http://localhost:8787", server.url), cwd);
		expect(run.status, `${command}\n${run.stderr}`).toBe(0);
		const written = readdirSync(cwd).filter((f) => !before.has(f));
		const size = written.reduce((n, f) => n + statSync(join(cwd, f)).size, 0);
		expect(run.stdout.length + size, command).toBeGreaterThan(100);
	}

	const named = (list: string[]) => list.map((c) => [c.split("\n")[0] ?? c, c] as const);
	it.each(named(curls.filter((c) => !needsTwoMembers(c))))("runs: %s", (_, command) =>
		expectRuns(command),
	);
	// Without the real series these skip, visibly: a fresh clone stores 37/39 alone.
	(realDir ? it : it.skip).each(named(curls.filter(needsTwoMembers)))(
		"runs, with 34/39 stored too: %s",
		(_, command) => expectRuns(command),
	);
});
