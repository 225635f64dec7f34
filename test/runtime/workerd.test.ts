/**
 * The contract against the Worker under `wrangler dev` (workerd), with a real
 * PostgreSQL behind Hyperdrive's local connection string. Needs DATABASE_URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import { freshPostgres, type TestDatabase } from "../helpers/db.ts";
import { repoRoot } from "../helpers/paths.ts";
import { seed } from "../helpers/seed.ts";
import { contract } from "../http/contract.ts";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn(
		"\n[notice] Worker (workerd) contract tests: skipped, DATABASE_URL is not set (CI sets it)\n",
	);

const TOKEN = "worker-admin-token-77aa";

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, "127.0.0.1", () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

describe.skipIf(!serverUrl)("the API from the Worker under workerd", () => {
	let db: TestDatabase;
	let wrangler: ChildProcess;
	let base = "";

	beforeAll(async () => {
		db = await freshPostgres(serverUrl ?? "");
		await seed(db.handle.db);
		// Hyperdrive insists on a password in the connection string; trust auth ignores it.
		const hyperdrive = new URL(db.url ?? "");
		hyperdrive.password = hyperdrive.password || "unused";
		const port = await freePort();
		wrangler = spawn(
			process.execPath,
			[
				join(repoRoot, "node_modules/wrangler/bin/wrangler.js"),
				"dev",
				"--port",
				String(port),
				"--ip",
				"127.0.0.1",
				"--var",
				`RESDIFF_ADMIN_TOKEN:${TOKEN}`,
			],
			{
				cwd: repoRoot,
				env: {
					...process.env,
					WRANGLER_SEND_METRICS: "false",
					CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: hyperdrive.toString(),
					WRANGLER_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: hyperdrive.toString(),
				},
				stdio: ["ignore", "pipe", "pipe"],
			},
		);
		const seen: string[] = [];
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`wrangler dev did not start: ${seen.join("")}`)),
				90_000,
			);
			const onData = (d: Buffer) => {
				seen.push(d.toString());
				if (/Ready on http/.test(seen.join(""))) {
					clearTimeout(timer);
					resolve();
				}
			};
			wrangler.stdout?.on("data", onData);
			wrangler.stderr?.on("data", onData);
			wrangler.once("exit", (code) =>
				reject(new Error(`wrangler dev exited ${code}: ${seen.join("")}`)),
			);
		});
		base = `http://127.0.0.1:${port}`;
	}, 120_000);

	afterAll(async () => {
		if (wrangler && wrangler.exitCode === null) {
			const gone = new Promise((r) => wrangler.once("exit", r));
			wrangler.kill("SIGTERM");
			await gone;
		}
		await db?.dispose();
	});

	contract((path, init) => fetch(`${base}${path}`, init), {
		adminToken: TOKEN,
		sql: async (query) => {
			await db.handle.db.execute(sql.raw(query));
		},
	});
});
