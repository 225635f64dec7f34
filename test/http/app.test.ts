/**
 * The contract through app.request(), on PGlite and (when DATABASE_URL is set,
 * as CI sets it) on PostgreSQL, plus what only an in-process app can show.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { MemoryCache } from "../../src/services/cache.ts";
import { freshPglite, freshPostgres, type TestDatabase } from "../helpers/db.ts";
import { seed } from "../helpers/seed.ts";
import { type Call, contract } from "./contract.ts";

const TOKEN = "test-admin-token-9f8e7d";
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn(
		"\n[notice] API contract on PostgreSQL: skipped, DATABASE_URL is not set (CI sets it)\n",
	);

function inProcess(label: string, open: () => Promise<TestDatabase>): void {
	describe(`the API in-process on ${label}`, () => {
		let test: TestDatabase;
		// One process's memory, shared by both apps below as by the requests of one server.
		const memory = new MemoryCache();
		const logged: string[] = [];

		beforeAll(async () => {
			test = await open();
			await seed(test.handle.db);
		});
		afterAll(async () => {
			await test?.dispose();
			// Whatever was logged, the admin token is not in it.
			for (const line of logged) expect(line).not.toContain(TOKEN);
		});

		const withToken: Call = async (path, init) =>
			buildApp({
				services: () => ({ db: test.handle.db, memory }),
				adminToken: TOKEN,
				logError: (e) => logged.push(String(e)),
			}).request(path, init);
		const withoutToken: Call = async (path, init) =>
			buildApp({ services: () => ({ db: test.handle.db, memory }) }).request(path, init);
		const runSql = async (query: string) => {
			await test.handle.db.execute(sql.raw(query));
		};

		describe("with an admin token", () => {
			contract(withToken, { adminToken: TOKEN, uploads: true, sql: runSql });
		});

		describe("without an admin token", () => {
			contract(withoutToken, { uploads: true, sql: runSql });
		});

		describe("limits only an in-process app can trip", () => {
			it("cuts a request that takes too long with a 503 problem", async () => {
				let release = () => {};
				const held = new Promise<void>((r) => {
					release = r;
				});
				const slow = buildApp({
					// The services never come until the timeout has answered.
					services: async () => {
						await held;
						return { db: test.handle.db };
					},
					requestTimeoutMs: 50,
				});
				const res = await slow.request("/api/series");
				release();
				expect(res.status).toBe(503);
				expect(res.headers.get("content-type")).toBe("application/problem+json");
				expect(res.headers.get("retry-after")).toBe("5");
				expect(((await res.json()) as { detail: string }).detail).toBe(
					"the request took longer than 0.05 s and was stopped",
				);
			});

			it("turns an unexpected error into a 500 problem without its details, and logs it", async () => {
				const errors: unknown[] = [];
				const broken = buildApp({
					services: () => {
						throw new Error("internal detail: connection string postgres://secret@db");
					},
					logError: (e) => errors.push(e),
				});
				const res = await broken.request("/api/series");
				expect(res.status).toBe(500);
				const body = await res.text();
				expect(body).not.toContain("secret");
				expect(errors).toHaveLength(1);
			});
		});
	});
}

inProcess("PGlite", () => freshPglite());
if (serverUrl) inProcess("PostgreSQL", () => freshPostgres(serverUrl));
