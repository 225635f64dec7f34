/**
 * One writer per PGlite folder (issue 12, defect 1): the service and the CLI
 * as real processes on one folder. While the service holds it, an import goes
 * through the service and is visible at once and after a restart; a lock left
 * by a dead process is taken over; two commands never open it together.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { acquireFolderLock, LOCK_FILE, readLock } from "../../src/db/folder-lock.ts";
import { resolutions } from "../../src/db/schema/index.ts";
import { tempDataDir } from "../helpers/db.ts";
import { corpusDir, shippedText } from "../helpers/paths.ts";
import { cliAsync, type ServiceProcess, startService } from "../helpers/service.ts";

/** 37/39 refiled under a made-up symbol: synthetic, and says so in its title line. */
function syntheticFile(number: string): string {
	const path = join(
		tempDataDir().replace(/data$/, ""),
		`synthetic-${number.replace("/", "-")}.txt`,
	);
	writeFileSync(
		path,
		shippedText().replace("37/39.\tTechnical", `${number}.\tSynthetic test text: Technical`),
	);
	return path;
}

/** A pid no process has: one that just ended. */
function deadPid(): number {
	return spawnSync(process.execPath, ["-e", ""]).pid;
}

const running: ServiceProcess[] = [];
afterAll(async () => {
	for (const s of running) await s.stop();
});

describe("the service and the CLI on one PGlite folder", () => {
	it("imports through the running service: visible at once, and after a restart", async () => {
		const dir = tempDataDir();
		const env = { RESDIFF_DATA_DIR: dir, RESDIFF_CORPUS: corpusDir };
		const service = await startService(env);
		running.push(service);

		const lock = readLock(dir);
		expect(lock).toMatchObject({ holder: "service", port: service.port });
		// Its token admits writes: only the owner may read it.
		expect(statSync(join(dir, LOCK_FILE)).mode & 0o077).toBe(0);

		const imported = await cliAsync(["import", syntheticFile("99/70"), "--symbol", "99/70"], env);
		expect(imported.stderr).toBe("");
		expect(imported.code).toBe(0);
		expect(imported.stdout).toMatch(/imported\s+A\/HRC\/RES\/99\/70/);
		expect(imported.stdout).toContain(`port ${service.port}`);

		// Seen by the service at once, by its API and by a read command going through it.
		const answer = await fetch(`${service.url}/api/resolutions/99-70`);
		expect(answer.status).toBe(200);
		const shown = await cliAsync(["show", "99/70"], env);
		expect(shown.code).toBe(0);
		expect(shown.stdout).toContain("A/HRC/RES/99/70");
		const diffed = await cliAsync(["diff", "37/39", "99/70", "--format", "json"], env);
		expect(diffed.code).toBe(0);
		expect(JSON.parse(diffed.stdout).summary.unchanged).toBe(53);

		expect(await service.stop()).toBe(0);
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

		// After the restart it is still there, and the folder opens cleanly.
		const again = await startService(env);
		running.push(again);
		expect((await fetch(`${again.url}/api/resolutions/99-70`)).status).toBe(200);
		expect(await again.stop()).toBe(0);
		// And without the service, the CLI opens the folder itself.
		const direct = await cliAsync(["show", "99/70"], env);
		expect(direct.code).toBe(0);
		expect(direct.stdout).toContain("A/HRC/RES/99/70");
	}, 180_000);

	it("takes over a lock whose process is gone", async () => {
		const dir = tempDataDir();
		const env = { RESDIFF_DATA_DIR: dir, RESDIFF_CORPUS: corpusDir };
		const made = await cliAsync(["import"], env);
		expect(made.code).toBe(0);
		const dead = deadPid();
		writeFileSync(
			join(dir, LOCK_FILE),
			JSON.stringify({
				pid: dead,
				holder: "service",
				port: 1,
				token: "x",
				what: "npm start",
				since: "",
			}),
		);
		const imported = await cliAsync(["import", syntheticFile("99/71"), "--symbol", "99/71"], env);
		expect(imported.stderr).toBe("");
		expect(imported.code).toBe(0);
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

		// The service takes one over too.
		writeFileSync(
			join(dir, LOCK_FILE),
			JSON.stringify({
				pid: dead,
				holder: "command",
				port: null,
				token: null,
				what: "resdiff import",
				since: "",
			}),
		);
		const service = await startService(env);
		running.push(service);
		expect(readLock(dir)?.port).toBe(service.port);
		expect((await fetch(`${service.url}/api/resolutions/99-71`)).status).toBe(200);
		expect(await service.stop()).toBe(0);
	}, 120_000);

	it("refuses a second user of the folder with one line saying who holds it, exit 2", async () => {
		const dir = tempDataDir();
		const env = { RESDIFF_DATA_DIR: dir, RESDIFF_CORPUS: corpusDir };
		expect((await cliAsync(["import"], env)).code).toBe(0);
		const held = acquireFolderLock(dir, "command", "resdiff import");
		try {
			const refused = await cliAsync(["import", syntheticFile("99/72"), "--symbol", "99/72"], env);
			expect(refused.code).toBe(2);
			expect(refused.stderr).toBe(
				`resdiff: resdiff import (pid ${process.pid}) is using ${dir}; wait for it to finish\n`,
			);
			const read = await cliAsync(["show", "37/39"], env);
			expect(read.code).toBe(2);
		} finally {
			held.release();
		}
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	}, 120_000);

	it("tells a second npm start on the folder where the first one answers, and stops", async () => {
		const dir = tempDataDir();
		const env = { RESDIFF_DATA_DIR: dir, RESDIFF_CORPUS: corpusDir };
		const first = await startService(env);
		running.push(first);
		const second = await startService(env).then(
			() => "it started",
			(e: Error) => e.message,
		);
		expect(second).toContain(
			`resdiff: the service is already running on ${dir} (pid ${first.child.pid}) at http://localhost:${first.port}; use that one, stop it first, or give this one another folder with RESDIFF_DATA_DIR`,
		);
		expect(second).toContain("exited 1");
		// The first goes on answering.
		expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
	}, 120_000);

	it("never lets two CLI writers open the folder together", async () => {
		const dir = tempDataDir();
		const env = { RESDIFF_DATA_DIR: dir, RESDIFF_CORPUS: corpusDir };
		expect((await cliAsync(["import"], env)).code).toBe(0);
		const numbers = ["98/1", "98/2", "98/3"];
		const files = numbers.map(syntheticFile);
		const runs = await Promise.all(
			files.map((f, i) => cliAsync(["import", f, "--symbol", numbers[i] ?? ""], env)),
		);
		for (const r of runs) {
			// Each either imported or was refused whole, with the line that says why.
			if (r.code === 2)
				expect(r.stderr).toMatch(/\(pid \d+\) is using .*; wait for it to finish\n$/);
			else expect(r).toMatchObject({ code: 0, stderr: "" });
		}
		const done = numbers.filter((_, i) => runs[i]?.code === 0);
		expect(done.length).toBeGreaterThan(0);
		// The folder still opens, and holds exactly what was reported imported.
		const handle = await createDb({ RESDIFF_DATA_DIR: dir });
		try {
			const rows = await handle.db.select({ symbol: resolutions.symbol }).from(resolutions);
			const stored = rows.map((r) => r.symbol).filter((s) => s.includes("/98/"));
			expect(stored.sort()).toEqual(done.map((n) => `A/HRC/RES/${n}`).sort());
		} finally {
			await handle.close();
		}
	}, 120_000);
});
