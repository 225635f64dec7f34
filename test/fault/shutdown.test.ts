/**
 * SIGTERM under load (issue 12, defect 7): the real service with 20 heavy
 * comparisons running or queued when the signal comes. None is reset, all get
 * whole answers, the process exits 0, the folder's lock is gone, and what was
 * written before the signal is there when the folder is opened again.
 */

import { existsSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { scaleResolution } from "../../bench/lib/scale.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { toOfficialText } from "../../src/core/parse/official-text.ts";
import { createDb } from "../../src/db/client.ts";
import { LOCK_FILE } from "../../src/db/folder-lock.ts";
import { resolutions } from "../../src/db/schema/index.ts";
import { freshPostgres, tempDataDir } from "../helpers/db.ts";
import { corpusDir, shippedText } from "../helpers/paths.ts";
import { startService } from "../helpers/service.ts";

const TOKEN = "shutdown-admin-token-3c9d";

interface Answer {
	readonly status: number;
	readonly body: string;
}

/** One request on its own connection; rejects on a reset or any other socket error. */
function send(
	port: number,
	path: string,
	body: string,
	headers: Record<string, string> = {},
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: "127.0.0.1",
				port,
				path,
				method: "POST",
				agent: false,
				headers: {
					"content-type": "application/json",
					"content-length": Buffer.byteLength(body),
					...headers,
				},
			},
			(res) => {
				let text = "";
				res.setEncoding("utf8");
				res.on("data", (d: string) => {
					text += d;
				});
				res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
				res.on("error", reject);
			},
		);
		req.on("error", reject);
		req.end(body);
	});
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn("\n[notice] SIGTERM under load on PostgreSQL: skipped, DATABASE_URL is not set\n");

/** Where the service keeps its data: a PGlite folder, or a fresh PostgreSQL database. */
interface Storage {
	readonly env: Record<string, string>;
	readonly dir: string | null;
	dispose(): Promise<void>;
}

async function pgliteStorage(): Promise<Storage> {
	const dir = tempDataDir();
	return { env: { RESDIFF_DATA_DIR: dir }, dir, dispose: async () => {} };
}

async function postgresStorage(): Promise<Storage> {
	const test = await freshPostgres(serverUrl ?? "");
	// The service opens its own pool; this one only made the database.
	await test.handle.close();
	const url = test.url ?? "";
	return {
		env: { DATABASE_URL: url },
		dir: null,
		dispose: async () => {
			const admin = postgres(serverUrl ?? "", { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
			await admin.end();
		},
	};
}

describe.each([
	["PGlite", pgliteStorage],
	...(serverUrl ? [["PostgreSQL", postgresStorage] as const] : []),
] as const)("SIGTERM under load on %s", (_label, open) => {
	it("finishes every accepted request, exits 0, and loses nothing written", async () => {
		const storage = await open();
		const dir = storage.dir;
		const service = await startService({
			...storage.env,
			RESDIFF_CORPUS: corpusDir,
			RESDIFF_ADMIN_TOKEN: TOKEN,
			// Long enough for 20 heavy comparisons on a slow, shared machine: what is tested is that none is cut.
			RESDIFF_SHUTDOWN_GRACE_SECONDS: "120",
		});
		// A synthetic draft about 30 times 37/39's length (its paragraphs repeated with words varied).
		const draft = toOfficialText(scaleResolution(parseResolution(shippedText()), 30, 12));
		const body = JSON.stringify({ base: "37/39", text: draft, name: "Synthetic large draft" });

		const imported = await send(
			service.port,
			"/api/resolutions",
			JSON.stringify({
				text: shippedText().replace("37/39.\tTechnical", "99/70.\tSynthetic test text: Technical"),
				symbol: "99/70",
			}),
			{ authorization: `Bearer ${TOKEN}` },
		);
		expect(imported.status).toBe(201);

		const compare = () =>
			send(service.port, "/api/compare", body).then(
				(a) => a,
				(e: Error) => e,
			);
		// Ten begin running; while the service is busy with them, ten more connect and wait in the
		// kernel's queue, and the signal comes right behind them: all twenty were accepted.
		const answers = Array.from({ length: 10 }, compare);
		await new Promise((r) => setTimeout(r, 400));
		answers.push(...Array.from({ length: 10 }, compare));
		await new Promise((r) => setTimeout(r, 50));
		service.child.kill("SIGTERM");
		const settled = await Promise.all(answers);
		for (const a of settled) {
			expect(a).not.toBeInstanceOf(Error);
			const { status, body: text } = a as Answer;
			// A whole answer: the comparison, or (on a machine too busy to finish it within the
			// 10 s request limit) the limit's own 503 problem; never a reset or a cut body.
			if (status === 503) expect(JSON.parse(text).type).toBe("/problems/timeout");
			else {
				expect(status).toBe(200);
				expect(JSON.parse(text).summary.unchanged).toBeGreaterThan(0);
			}
		}
		expect(await service.exited).toBe(0);
		expect(service.output()).toContain("SIGTERM: finishing requests in flight");
		if (dir) expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

		// Opened again: what was imported before the signal is there.
		const handle = await createDb({ RESDIFF_DATA_DIR: dir ?? "unused", ...storage.env });
		try {
			const rows = await handle.db.select({ symbol: resolutions.symbol }).from(resolutions);
			expect(rows.map((r) => r.symbol)).toContain("A/HRC/RES/99/70");
		} finally {
			await handle.close();
			await storage.dispose();
		}
	}, 240_000);
});
