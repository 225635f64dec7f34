/**
 * A database that goes away answers 503 with Retry-After, never 500 (issue
 * 12, defect 2): the service as a real process on PostgreSQL while its
 * backends are terminated and while the database refuses connections, and on
 * PGlite when the database is closed under it. Recovery needs no restart.
 */
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../src/env.ts";
import { startServer } from "../../src/server.ts";
import { freshPostgres, type TestDatabase, tempDataDir } from "../helpers/db.ts";
import { corpusDir } from "../helpers/paths.ts";
import { type ServiceProcess, startService } from "../helpers/service.ts";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn("\n[notice] database-down faults on PostgreSQL: skipped, DATABASE_URL is not set\n");

/** API routes, pages and the health check: every kind of answer that reads the database. */
const ROUTES = [
	"/healthz",
	"/api/series",
	"/api/series/mali-hrc",
	"/api/resolutions/37-39",
	"/api/search?q=human%20rights",
	"/api/series/mali-hrc/lineage",
	"/",
	"/resolution/37-39",
	"/new/37-39",
];

interface Seen {
	readonly path: string;
	readonly status: number;
	readonly type: string;
	readonly retryAfter: string | null;
	readonly said: string;
}

async function hit(base: string, path: string): Promise<Seen> {
	// No answer may take longer than the request limit (10 s) and a little more.
	const res = await fetch(`${base}${path}`, {
		headers: { "cache-control": "no-cache" },
		signal: AbortSignal.timeout(15_000),
	}).catch((e: Error) => {
		throw new Error(`${path}: ${e.message}`);
	});
	const body = await res.text();
	return {
		path,
		status: res.status,
		// What an unexpected answer said, for the failure message.
		said: res.status === 200 || res.status === 503 ? "" : body.slice(0, 300),
		type: res.headers.get("content-type") ?? "",
		retryAfter: res.headers.get("retry-after"),
	};
}

/** Requests in a loop, as a few clients would send them, until `stop` resolves and at least `least` were answered. */
async function traffic(base: string, stop: Promise<void>, least = 0): Promise<Seen[]> {
	const seen: Seen[] = [];
	let done = false;
	const end = () => {
		done = true;
	};
	void stop.then(end, end);
	await Promise.all(
		[0, 1, 2].map(async (k) => {
			for (let i = k; !done || seen.length < least; i++)
				seen.push(await hit(base, ROUTES[i % ROUTES.length] ?? "/"));
		}),
	);
	await stop;
	return seen;
}

function expectOnly200Or503(seen: readonly Seen[]): void {
	for (const s of seen) {
		expect([200, 503], `${s.path} answered ${s.status} ${s.said}`).toContain(s.status);
		if (s.status !== 503) continue;
		expect(s.retryAfter, `${s.path}: Retry-After`).toMatch(/^\d+$/);
		const page = !s.path.startsWith("/api/") && s.path !== "/healthz";
		expect(s.type).toContain(page ? "text/html" : "application/problem+json");
	}
}

/** Asks until `path` answers `status` (what was remembered for a few seconds may answer 200 first). */
async function waitFor(base: string, path: string, status: number): Promise<Seen> {
	for (let i = 0; i < 100; i++) {
		const seen = await hit(base, path);
		if (seen.status === status) return seen;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${path} never answered ${status}`);
}

const waitForHealth = (base: string, status: number) => waitFor(base, "/healthz", status);

describe.skipIf(!serverUrl)("the service on PostgreSQL when the database goes away", () => {
	let test: TestDatabase;
	let service: ServiceProcess;
	let admin: postgres.Sql;
	let name: string;

	afterAll(async () => {
		if (name) await admin?.unsafe(`alter database ${name} allow_connections true`);
		await service?.stop();
		await admin?.end();
		await test?.dispose();
	});

	it("answers 200 or 503 with Retry-After while its backends are terminated, never 500", async () => {
		test = await freshPostgres(serverUrl ?? "");
		name = new URL(test.url ?? "").pathname.slice(1);
		admin = postgres(serverUrl ?? "", { max: 1, onnotice: () => {} });
		service = await startService({ DATABASE_URL: test.url ?? "", RESDIFF_CORPUS: corpusDir });
		const terminate = () =>
			admin.unsafe(
				"select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
				[name],
			);
		const rounds = (async () => {
			for (let i = 0; i < 20; i++) {
				await terminate();
				await new Promise((r) => setTimeout(r, 100));
			}
		})();
		const seen = await traffic(service.url, rounds, 60).catch((e: Error) => {
			throw new Error(`${e.message}; the service printed: ${service.output()}`);
		});
		try {
			expectOnly200Or503(seen);
		} catch (e) {
			throw new Error(`${(e as Error).message}; the service printed: ${service.output()}`);
		}
		await waitForHealth(service.url, 200);
		expect(service.child.exitCode).toBeNull();
	}, 120_000);

	it("answers 503 while the database refuses connections, /healthz included, and recovers by itself", async () => {
		const refusing = (async () => {
			await admin.unsafe(`alter database ${name} allow_connections false`);
			await admin.unsafe(
				"select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
				[name],
			);
			const down = await waitForHealth(service.url, 503);
			expect(down.retryAfter).toMatch(/^\d+$/);
			const page = await waitFor(service.url, "/resolution/37-39", 503);
			expect(page.type).toContain("text/html");
			await new Promise((r) => setTimeout(r, 3000));
			await admin.unsafe(`alter database ${name} allow_connections true`);
		})();
		const started = Date.now();
		const seen = await traffic(service.url, refusing);
		expectOnly200Or503(seen);
		expect(seen.filter((s) => s.status === 503).length).toBeGreaterThan(0);
		expect(Date.now() - started).toBeLessThan(60_000);
		// Back without a restart.
		await waitForHealth(service.url, 200);
		for (const path of ROUTES) expect((await hit(service.url, path)).status).toBe(200);
		expect(service.child.exitCode).toBeNull();
	}, 120_000);
});

describe("the service on PGlite when its database is closed under it", () => {
	it("answers 503 with Retry-After on the API, the pages and /healthz", async () => {
		const server = await startServer({
			env: parseEnv({ RESDIFF_DATA_DIR: tempDataDir(), RESDIFF_CORPUS: corpusDir, PORT: "0" }),
			hostname: "127.0.0.1",
			log: () => {},
		});
		try {
			expect((await hit(server.url, "/healthz")).status).toBe(200);
			await server.handle.close();
			const seen = await Promise.all(ROUTES.map((p) => hit(server.url, p)));
			for (const s of seen) expect(s.status, s.path).toBe(503);
			expectOnly200Or503(seen);
		} finally {
			await server.close().catch(() => {});
		}
	}, 60_000);
});
