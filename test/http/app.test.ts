/** The contract through app.request(), plus what only an in-process app can show. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { freshPglite, type TestDatabase } from "../helpers/db.ts";
import { seed } from "../helpers/seed.ts";
import { type Call, contract } from "./contract.ts";

const TOKEN = "test-admin-token-9f8e7d";
let test: TestDatabase;
const logged: string[] = [];

beforeAll(async () => {
	test = await freshPglite();
	await seed(test.handle.db);
});
afterAll(async () => {
	await test?.dispose();
	// Whatever was logged, the admin token is not in it.
	for (const line of logged) expect(line).not.toContain(TOKEN);
});

const withToken = (): Call => {
	const app = buildApp({
		services: () => ({ db: test.handle.db }),
		adminToken: TOKEN,
		logError: (e) => logged.push(String(e)),
	});
	return async (path, init) => app.request(path, init);
};
const withoutToken = (): Call => {
	const app = buildApp({ services: () => ({ db: test.handle.db }) });
	return async (path, init) => app.request(path, init);
};

describe("the API in-process, with an admin token", () => {
	contract((path, init) => withToken()(path, init), { adminToken: TOKEN, uploads: true });
});

describe("the API in-process, without an admin token", () => {
	contract((path, init) => withoutToken()(path, init), { uploads: true });
});

describe("limits only an in-process app can trip", () => {
	it("cuts a request that takes too long with a 503 problem", async () => {
		const slow = buildApp({
			services: async () => {
				await new Promise((r) => setTimeout(r, 200));
				return { db: test.handle.db };
			},
			requestTimeoutMs: 50,
		});
		const res = await slow.request("/api/series");
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
