/**
 * PGlite in a thread of its own, as `npm start` opens it: the storage suites
 * through the thread, and what crosses between the threads besides rows
 * (transactions, errors, parsers, the thread dying, closing).
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "../../src/db/errors.ts";
import { LOCK_FILE } from "../../src/db/folder-lock.ts";
import { PgliteRemote, startPgliteThread } from "../../src/db/pglite-remote.ts";
import { createPglite } from "../../src/db/pglite-start.ts";
import { rowsOf } from "../../src/db/rows.ts";
import { resolutions } from "../../src/db/schema/index.ts";
import { toProblem } from "../../src/http/errors.ts";
import { freshPgliteThread, type TestDatabase, tempDataDir } from "../helpers/db.ts";
import { provenanceSuite } from "./provenance-suite.ts";
import { databaseSuite } from "./suite.ts";

databaseSuite("PGlite in its own thread", () => freshPgliteThread(tempDataDir()));
provenanceSuite("PGlite in its own thread", () => freshPgliteThread(tempDataDir()));

/** The error `run` rejects with. */
async function failure(run: () => Promise<unknown>): Promise<Error> {
	try {
		await run();
	} catch (e) {
		return e as Error;
	}
	throw new Error("expected a failure");
}

/** PGlite's DatabaseError keeps PostgreSQL's fields as its own properties; these must cross. */
const POSTGRES_FIELDS = [
	"name",
	"message",
	"code",
	"severity",
	"detail",
	"schema",
	"table",
	"constraint",
] as const;

describe("PGlite in its own thread", () => {
	let test: TestDatabase;
	let client: PgliteRemote;
	beforeAll(async () => {
		test = await freshPgliteThread(tempDataDir());
		client = (test.handle.db as unknown as { $client: PgliteRemote }).$client;
		expect(client).toBeInstanceOf(PgliteRemote);
		await client.exec("create table crossing (id int primary key, note text not null)");
	});
	afterAll(async () => {
		await test?.dispose();
	});

	it("rolls back a transaction whose callback throws, and throws its error again", async () => {
		const thrown = new Error("the callback's own error");
		const seen = await failure(() =>
			test.handle.db.transaction(async (tx) => {
				await tx.execute(sql`insert into crossing values (1, 'rolled back')`);
				throw thrown;
			}),
		);
		expect(seen).toBe(thrown);
		expect(rowsOf(await test.handle.db.execute(sql`select * from crossing`))).toEqual([]);
		// And commits one that resolves, with its result.
		const result = await client.transaction(async (tx) => {
			await tx.query("insert into crossing values (2, 'kept')");
			return "done";
		});
		expect(result).toBe("done");
		expect((await client.query("select note from crossing")).rows).toEqual([{ note: "kept" }]);
	});

	it("makes a query outside a transaction wait for it, as PGlite in one thread does", async () => {
		const order: string[] = [];
		let release = () => {};
		const gate = new Promise<void>((r) => {
			release = r;
		});
		const inside = client.transaction(async (tx) => {
			await tx.query("insert into crossing values (3, 'inside')");
			order.push("inside");
			await gate;
		});
		// Sent once the transaction has begun; it must see the row only once committed.
		await new Promise((r) => setTimeout(r, 50));
		const outside = client
			.query<{ n: number }>("select count(*)::int as n from crossing")
			.then((r) => {
				order.push("outside");
				return r.rows[0]?.n;
			});
		await new Promise((r) => setTimeout(r, 50));
		order.push("released");
		release();
		await inside;
		expect(await outside).toBe(2);
		expect(order).toEqual(["inside", "released", "outside"]);
		await client.query("delete from crossing where id = 3");
	});

	it("gives an SQL error the name, message and PostgreSQL fields PGlite gives it here", async () => {
		const here = await createPglite("memory://");
		try {
			const duplicate = "insert into crossing values (2, 'again')";
			await here.exec("create table crossing (id int primary key, note text not null)");
			await here.exec("insert into crossing values (2, 'kept')");
			const expected = (await failure(() => here.query(duplicate))) as unknown as Record<
				string,
				unknown
			>;
			const crossed = (await failure(() => client.query(duplicate))) as unknown as Record<
				string,
				unknown
			>;
			expect(crossed.code).toBe("23505");
			for (const field of POSTGRES_FIELDS) expect(crossed[field], field).toEqual(expected[field]);
			// Through drizzle, as the services meet it: the driver's error is the cause, code and all.
			const wrapped = await failure(() => test.handle.db.execute(sql.raw(duplicate)));
			expect((wrapped.cause as { code?: string }).code).toBe("23505");
		} finally {
			await here.close();
		}
	}, 60_000);

	it("refuses a parser that is not the identity rather than give other values", async () => {
		const e = await failure(() =>
			client.query("select now()", [], {
				parsers: { 1184: (v: string) => new Date(v) },
			}),
		);
		expect(e.message).toMatch(/not the identity/);
		// drizzle's own (identity) parsers cross: timestamps stay PostgreSQL's text.
		const r = await client.query<{ t: unknown }>("select now() as t", [], {
			parsers: { 1184: (v: string) => v },
		});
		expect(typeof r.rows[0]?.t).toBe("string");
	});

	it("carries rows, parameters and values of every kind the schema stores", async () => {
		const r = await client.query<Record<string, unknown>>(
			"select $1::text as t, $2::int as i, $3::bigint as b, $4::jsonb as j, $5::bytea as y, $6::bool as f, null as n",
			["x", 7, "9007199254740993", JSON.stringify({ a: [1] }), new Uint8Array([1, 2]), true],
		);
		expect(r.rows).toEqual([
			{
				t: "x",
				i: 7,
				b: 9007199254740993n,
				j: { a: [1] },
				y: new Uint8Array([1, 2]),
				f: true,
				n: null,
			},
		]);
		expect(await test.handle.db.select().from(resolutions)).toEqual([]);
	});
});

describe("PGlite's thread dying", () => {
	it("fails the calls waiting and every later one with DatabaseUnavailableError, and still closes", async () => {
		const dir = tempDataDir();
		const { client, lock } = await startPgliteThread(dir);
		const remote = client as PgliteRemote;
		let release = () => {};
		const gate = new Promise<void>((r) => {
			release = r;
		});
		// A transaction held open here keeps the next query waiting in the thread.
		const held = client.transaction(async (tx) => {
			await tx.query("select 1");
			await gate;
		});
		await new Promise((r) => setTimeout(r, 50));
		const waiting = client.query("select 1");
		await remote.thread.terminate();
		const pending = await failure(() => waiting);
		expect(pending).toBeInstanceOf(DatabaseUnavailableError);
		expect(pending.message).toMatch(/thread stopped/);
		release();
		expect(await failure(() => held)).toBeInstanceOf(DatabaseUnavailableError);
		expect(await failure(() => client.query("select 1"))).toBeInstanceOf(DatabaseUnavailableError);
		expect(await failure(() => client.transaction(async () => {}))).toBeInstanceOf(
			DatabaseUnavailableError,
		);
		// What the service answers, drizzle's wrapper and all: 503, never 500.
		const { openPglite } = await import("../../src/db/pglite.ts");
		const handle = await openPglite(
			dir,
			{},
			Promise.resolve({ client, ...(lock ? { lock } : {}) }),
		);
		const e = await failure(() => handle.db.execute(sql`select 1`));
		expect(toProblem(e).status).toBe(503);
		await handle.close();
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	}, 60_000);
});

describe("opening and closing PGlite's thread", () => {
	it("says why PGlite could not open the folder, and gives the lock up", async () => {
		const dir = tempDataDir();
		const { mkdirSync } = await import("node:fs");
		mkdirSync(dir, { recursive: true });
		// A folder that claims to hold a database but holds nothing usable.
		writeFileSync(join(dir, "PG_VERSION"), "not a version\n");
		const e = await failure(() => startPgliteThread(dir));
		expect(e).toBeInstanceOf(DatabaseUnavailableError);
		expect(e.message).toMatch(/PGlite could not open its data folder: \S/);
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	}, 60_000);

	it("closes PGlite cleanly in the thread: the folder opens again with what was written", async () => {
		const dir = tempDataDir();
		const { client: first, lock } = await startPgliteThread(dir);
		await first.exec("create table kept (n int); insert into kept values (42)");
		const closing = first.close();
		// Refused once closing, as PGlite refuses: the service answers 503.
		expect((await failure(() => first.query("select 1"))).message).toBe("PGlite is closed");
		await closing;
		lock?.release();
		expect(first.closed).toBe(true);
		const again = await PGlite.create(dir);
		try {
			expect((await again.query("select n from kept")).rows).toEqual([{ n: 42 }]);
		} finally {
			await again.close();
		}
	}, 60_000);
});
