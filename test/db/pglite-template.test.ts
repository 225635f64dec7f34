/**
 * A new PGlite data folder is a copy of an empty database made once (at
 * install, or by the first new folder), not a fresh initdb each time.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDb } from "../../src/db/migrate.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { ensureTemplate, templateFolder } from "../../src/db/pglite-settings.ts";
import { tempDataDir } from "../helpers/db.ts";

describe("the empty database new folders are copied from", () => {
	it("lives beside the PGlite that made it, named by its version", () => {
		const folder = templateFolder();
		expect(folder).toMatch(/node_modules[/\\]\.cache[/\\]resdiff[/\\]pglite-\d+\.\d+\.\d+-empty$/);
	});

	it("is made once when missing, by whichever of two processes lands first, with nothing half-made left", async () => {
		const parent = mkdtempSync(join(tmpdir(), "resdiff-template-"));
		const wanted = join(parent, "pglite-empty");
		try {
			const [a, b] = await Promise.all([ensureTemplate(wanted), ensureTemplate(wanted)]);
			expect(a).toBe(wanted);
			expect(b).toBe(wanted);
			expect(existsSync(join(wanted, "PG_VERSION"))).toBe(true);
			expect(readdirSync(parent)).toEqual(["pglite-empty"]);
		} finally {
			rmSync(parent, { recursive: true, force: true });
		}
	}, 120_000);

	it("gives new folders a copy that opens, migrates and keeps data", async () => {
		const template = await ensureTemplate();

		const dir = tempDataDir();
		try {
			const first = await openPglite(dir);
			await migrateDb(first);
			await first.db.execute(
				sql`insert into series (id, title, organ, members) values ('t', 'T', 'HRC', '[]'::jsonb)`,
			);
			await first.close();
			const again = await openPglite(dir);
			try {
				const result = (await again.db.execute(
					sql`select count(*)::int as n from series`,
				)) as unknown as {
					rows: { n: number }[];
				};
				expect(result.rows[0]?.n).toBe(1);
			} finally {
				await again.close();
			}
			// The template itself stays empty: the folder was a copy.
			expect(existsSync(join(template, "resdiff.lock"))).toBe(false);
		} finally {
			rmSync(join(dir, ".."), { recursive: true, force: true });
		}
	}, 120_000);
});
