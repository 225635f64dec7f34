import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { DatabaseUnavailableError } from "../../src/db/errors.ts";
import { openPostgres } from "../../src/db/postgres.ts";
import { importResolution } from "../../src/db/queries/import.ts";
import { freshPostgres } from "../helpers/db.ts";
import { syntheticSource } from "../helpers/synthetic-series.ts";
import { databaseSuite } from "./suite.ts";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn(
		"\n[notice] PostgreSQL storage tests: skipped, DATABASE_URL is not set (CI sets it)\n",
	);

if (serverUrl) databaseSuite("PostgreSQL", () => freshPostgres(serverUrl));

describe.skipIf(!serverUrl)("PostgreSQL faults", () => {
	it("leaves no trace of an import whose connection is lost half-way", async () => {
		const test = await freshPostgres(serverUrl ?? "");
		try {
			await expect(
				importResolution(test.handle.db, syntheticSource(1), {
					afterParagraphs: async (tx) => {
						await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
					},
				}),
			).rejects.toThrow();
			const other = await openPostgres(test.url ?? "");
			try {
				const { rows } = (await other.db.execute(
					sql`select (select count(*) from resolutions)::int as r, (select count(*) from paragraphs)::int as p`,
				)) as unknown as { rows: { r: number; p: number }[] };
				expect(rows).toEqual([{ r: 0, p: 0 }]);
			} finally {
				await other.close();
			}
		} finally {
			await test.dispose();
		}
	});

	it("names the address, not a stack trace, when the server is down", async () => {
		const e = await createDb({
			DATABASE_URL: "postgres://resdiff:secret@127.0.0.1:1/nothing",
			RESDIFF_DATA_DIR: "unused",
		}).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(DatabaseUnavailableError);
		expect((e as Error).message).toBe(
			"cannot reach the database at 127.0.0.1:1/nothing: connection refused (is PostgreSQL running?)",
		);
		expect((e as Error).message).not.toContain("secret");
	});
});
