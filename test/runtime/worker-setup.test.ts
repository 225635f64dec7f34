/**
 * The Worker as a newcomer meets it, under workerd through `npm run
 * dev:worker` (scripts/dev-worker.mjs): the port it listens on is printed,
 * also when the usual one is taken; before its database exists every
 * request answers 503 with the step that fixes it (create the database,
 * then migrate and import), and the Worker keeps running; after the named
 * steps it serves. Its API reference comes from the Worker itself, and its
 * /compare form offers only what the Worker reads (text, not DOCX, which it
 * refuses with 415). Needs DATABASE_URL (a PostgreSQL server).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";
import { migrateDb } from "../../src/db/migrate.ts";
import { openPostgres } from "../../src/db/postgres.ts";
import { repoRoot, shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { seed } from "../helpers/seed.ts";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn(
		"\n[notice] Worker (workerd) set-up tests: skipped, DATABASE_URL is not set (CI sets it)\n",
	);

/** A port with a listener on it, as `npm start` would hold 8787. */
function occupiedPort(): Promise<{ port: number; server: Server }> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, "0.0.0.0", () => {
			resolve({ port: (server.address() as { port: number }).port, server });
		});
	});
}

interface Problem {
	readonly status: number;
	readonly detail: string;
}

describe.skipIf(!serverUrl)("the Worker's first start, under workerd", () => {
	const name = `resdiff_w_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
	const url = new URL(serverUrl ?? "postgres://localhost/none");
	url.pathname = `/${name}`;
	let admin: ReturnType<typeof postgres>;
	let held: Server;
	let taken = 0;
	let dev: ChildProcess;
	const printed: string[] = [];
	let base = "";

	beforeAll(async () => {
		admin = postgres(serverUrl ?? "", { max: 1, onnotice: () => {} });
		const occupied = await occupiedPort();
		held = occupied.server;
		taken = occupied.port;
		dev = spawn(process.execPath, [join(repoRoot, "scripts/dev-worker.mjs"), "--ip", "127.0.0.1"], {
			cwd: repoRoot,
			env: { ...process.env, PORT: String(taken), DATABASE_URL: url.toString() },
			stdio: ["ignore", "pipe", "pipe"],
		});
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`dev:worker did not start: ${printed.join("")}`)),
				90_000,
			);
			const onData = (d: Buffer) => {
				printed.push(d.toString());
				const all = printed.join("");
				const address = /will listen on (http:\/\/localhost:\d+)/.exec(all);
				if (address && /Ready on http/.test(all)) {
					clearTimeout(timer);
					base = (address[1] ?? "").replace("localhost", "127.0.0.1");
					resolve();
				}
			};
			dev.stdout?.on("data", onData);
			dev.stderr?.on("data", onData);
			dev.once("exit", (code) =>
				reject(new Error(`dev:worker exited ${code}: ${printed.join("")}`)),
			);
		});
	}, 120_000);

	afterAll(async () => {
		if (dev && dev.exitCode === null) {
			const gone = new Promise((r) => dev.once("exit", r));
			dev.kill("SIGTERM");
			await gone;
		}
		held?.close();
		await admin?.unsafe(`drop database if exists ${name} with (force)`);
		await admin?.end();
	});

	it("prints the port it listens on, and says when the usual one was taken", () => {
		const all = printed.join("");
		expect(all).toContain(`port ${taken} is taken`);
		expect(base).not.toBe("");
		expect(base).not.toContain(`:${taken}`);
	});

	it("answers 503 naming the fix while the database does not exist, and keeps running", async () => {
		for (const path of ["/healthz", "/api/series", "/api/diff?from=37-39&to=37-39"]) {
			const res = await fetch(`${base}${path}`);
			expect(res.status, path).toBe(503);
			expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
			const p = (await res.json()) as Problem;
			expect(p.detail, path).toContain("does not exist");
			expect(p.detail, path).toContain(`createdb ${name}`);
			expect(p.detail, path).toContain("npm run db:migrate");
		}
		const page = await fetch(`${base}/`);
		expect(page.status).toBe(503);
		expect(await page.text()).toContain("npm run db:migrate");
		// Many failing requests in a row leave the Worker up (it used to die with EPIPE).
		for (let i = 0; i < 25; i++) expect((await fetch(`${base}/api/series`)).status).toBe(503);
		expect(dev.exitCode).toBeNull();
	});

	it("asks for the migration once the database exists, and serves once it is migrated", async () => {
		await admin.unsafe(`create database ${name}`);
		const empty = await fetch(`${base}/healthz`);
		expect(empty.status).toBe(503);
		const p = (await empty.json()) as Problem;
		expect(p.detail).toContain("has no resdiff tables");
		expect(p.detail).toContain("npm run db:migrate");
		expect(p.detail).toContain("npx resdiff import");

		const handle = await openPostgres(url.toString());
		try {
			await migrateDb(handle);
			await seed(handle.db);
		} finally {
			await handle.close();
		}
		const ok = await fetch(`${base}/healthz`);
		expect(ok.status).toBe(200);
		const listed = (await (await fetch(`${base}/api/series`)).json()) as { series: unknown[] };
		expect(listed.series.length).toBeGreaterThan(0);
	});

	it("serves its API reference from itself", async () => {
		const page = await fetch(`${base}/api/docs`);
		expect(page.status).toBe(200);
		expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
		const html = await page.text();
		expect(html).not.toMatch(/https?:\/\//);
		for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
			expect(html).toContain(`/api/docs/${file}`);
			const asset = await fetch(`${base}/api/docs/${file}`);
			expect(asset.status, file).toBe(200);
			expect((await asset.text()).length, file).toBeGreaterThan(50_000);
		}
	});

	it("offers text drafts only on /compare, and refuses a DOCX with 415", async () => {
		const form = await fetch(`${base}/compare`);
		expect(form.status).toBe(200);
		const html = await form.text();
		const hint = /id="draft-file-hint"[^>]*>([^<]*)/.exec(html)?.[1] ?? "";
		expect(hint).toMatch(/plain text up to \d+ MB/);
		expect(hint).not.toMatch(/DOCX or PDF up to/);
		expect(/accept="([^"]*)"/.exec(html)?.[1]).not.toMatch(/docx|pdf/);

		const docx = await renderDocx(parseResolution(shippedText()));
		const body = new FormData();
		body.append("base", "37/39");
		body.append(
			"file",
			new File([docx.slice().buffer as ArrayBuffer], "draft.docx", {
				type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			}),
		);
		const res = await fetch(`${base}/api/compare`, { method: "POST", body });
		expect(res.status).toBe(415);
	});
});
