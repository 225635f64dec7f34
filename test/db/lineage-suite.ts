/**
 * Incremental lineage, per driver (called from suite.ts): importing the
 * newest member extends the stored clauses by its cells alone, importing a
 * member in the middle recomputes from it on, and in both cases what is
 * stored (every clause's cells, its first member, the reading order after
 * each member) equals a full rebuild. Series: synthetic members evolved from
 * 37/39 by the benchmark's generator (they say they are synthetic), and, with
 * RESDIFF_REAL_SERIES, the real Mali members with one left out and then
 * inserted.
 */
import { createHash } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticSeries } from "../../bench/generator/index.ts";
import { baseResolution } from "../../bench/lib/base.ts";
import { lineage } from "../../src/core/lineage/index.ts";
import type { ManifestSeries } from "../../src/core/manifest.ts";
import type { Resolution } from "../../src/core/model.ts";
import { type ImportSource, importResolution } from "../../src/db/queries/import.ts";
import { readLineage, rebuildLineage, updateLineage } from "../../src/db/queries/lineage.ts";
import { syncManifest } from "../../src/db/queries/series.ts";
import {
	clauseCells,
	clauses,
	lineageOrders,
	paragraphs,
	resolutions,
} from "../../src/db/schema/index.ts";
import type { Db } from "../../src/db/types.ts";
import type { TestDatabase } from "../helpers/db.ts";
import { realSeriesDir } from "../helpers/paths.ts";
import { loadRealSeries } from "../helpers/real-series.ts";
import { synthetic } from "../helpers/texts.ts";

function source(resolution: Resolution): ImportSource {
	const sha256 = createHash("sha256").update(JSON.stringify(resolution)).digest("hex");
	return { resolution, source: { name: `${resolution.symbol}.txt`, sha256 } };
}

function manifestOf(id: string, members: readonly Resolution[]): ManifestSeries {
	return {
		id,
		title: `Incremental lineage test series ${id} (not official texts)`,
		organ: "Human Rights Council",
		members: members.map((r) => ({
			symbol: r.symbol ?? "",
			number: r.number ?? r.symbol ?? "",
			title: r.title,
			session: r.session ?? 0,
			adopted: r.adoption.date,
			vote: null,
			address: "https://example.invalid/synthetic",
			file: null,
			sha256: null,
			omittedFromLaterPreambles: false,
		})),
	};
}

/**
 * What the series' stored lineage is, independent of the clauses' ids: each
 * clause in reading order with its first member and every cell (member, ref,
 * status, moved, shift, routine, whether it carries on), and the reading
 * order kept after each member, as positions.
 */
async function storedLineage(db: Db, seriesId: string) {
	const rows = await db
		.select({ id: clauses.id, position: clauses.position, first: resolutions.symbol })
		.from(clauses)
		.innerJoin(resolutions, eq(resolutions.id, clauses.firstResolutionId))
		.where(eq(clauses.seriesId, seriesId))
		.orderBy(asc(clauses.position));
	const position = new Map(rows.map((r) => [r.id, r.position]));
	const cells = await db
		.select({
			clauseId: clauseCells.clauseId,
			symbol: resolutions.symbol,
			adopted: resolutions.adopted,
			ref: paragraphs.ref,
			status: clauseCells.status,
			moved: clauseCells.moved,
			shift: clauseCells.shift,
			routine: clauseCells.routine,
			carries: clauseCells.carries,
		})
		.from(clauseCells)
		.innerJoin(resolutions, eq(resolutions.id, clauseCells.resolutionId))
		.innerJoin(paragraphs, eq(paragraphs.id, clauseCells.paragraphId))
		.where(sql`${clauseCells.clauseId} in (select id from clauses where series_id = ${seriesId})`);
	const byClause = new Map<number, string[]>();
	for (const c of [...cells].sort((a, b) => (a.adopted ?? "").localeCompare(b.adopted ?? ""))) {
		const list = byClause.get(c.clauseId) ?? [];
		list.push(
			`${c.symbol} ${c.ref} ${c.status}${c.moved ? " moved" : ""}${c.shift ? ` ${c.shift}` : ""}${c.routine ? " routine" : ""}${c.carries ? "" : " ends"}`,
		);
		byClause.set(c.clauseId, list);
	}
	const orders = await db
		.select({
			symbol: resolutions.symbol,
			adopted: resolutions.adopted,
			ids: lineageOrders.clauseIds,
		})
		.from(lineageOrders)
		.innerJoin(resolutions, eq(resolutions.id, lineageOrders.resolutionId))
		.where(eq(lineageOrders.seriesId, seriesId))
		.orderBy(asc(resolutions.adopted));
	return {
		clauses: rows.map((r) => ({ since: r.first, cells: byClause.get(r.id) ?? [] })),
		orders: orders.map((o) => ({ after: o.symbol, order: o.ids.map((id) => position.get(id)) })),
	};
}

async function clauseIds(db: Db, seriesId: string): Promise<number[]> {
	const rows = await db
		.select({ id: clauses.id })
		.from(clauses)
		.where(eq(clauses.seriesId, seriesId));
	return rows.map((r) => r.id).sort((a, b) => a - b);
}

export function incrementalLineageSuite(label: string, open: () => Promise<TestDatabase>): void {
	describe(`incremental lineage on ${label}`, () => {
		const realDir = realSeriesDir(`incremental lineage on ${label}, real members`);
		let test: TestDatabase;
		let db: Db;
		beforeAll(async () => {
			test = await open();
			db = test.handle.db;
		});
		afterAll(async () => {
			await test?.dispose();
		});

		/**
		 * Imports `members` but the one at `held` and the last, then the last (an append)
		 * and the held one (a middle insert), checking each update against a full rebuild.
		 */
		async function check(seriesId: string, members: readonly Resolution[], held: number) {
			await syncManifest(db, { series: [manifestOf(seriesId, members)] });
			const last = members.length - 1;
			for (const [k, r] of members.entries()) {
				if (k === held || k === last) continue;
				await importResolution(db, source(r));
				await updateLineage(db, seriesId);
			}
			const stored = members.filter((_, k) => k !== held);

			// The newest member: only its own cells are computed, earlier clauses keep their ids.
			const before = await clauseIds(db, seriesId);
			await importResolution(db, source(members[last] as Resolution));
			expect(await updateLineage(db, seriesId)).toBe(stored.length - 1);
			const appended = await storedLineage(db, seriesId);
			const idsAfterAppend = await clauseIds(db, seriesId);
			expect(idsAfterAppend.slice(0, before.length)).toEqual(before);
			expect(appended.clauses.length).toBeGreaterThanOrEqual(members[0]?.paragraphs.length ?? 1);
			expect(appended.orders).toHaveLength(stored.length);
			await rebuildLineage(db, seriesId);
			expect(await storedLineage(db, seriesId)).toEqual(appended);
			expect(await readLineage(db, seriesId)).toEqual(lineage(stored));

			// A member in the middle: recomputed from it on, clauses that end before it untouched.
			const rebuilt = await clauseIds(db, seriesId);
			await importResolution(db, source(members[held] as Resolution));
			expect(await updateLineage(db, seriesId)).toBe(held);
			const inserted = await storedLineage(db, seriesId);
			const kept = await clauseIds(db, seriesId);
			expect(kept.filter((id) => rebuilt.includes(id)).length).toBeGreaterThan(0);
			await rebuildLineage(db, seriesId);
			expect(await storedLineage(db, seriesId)).toEqual(inserted);
			expect(await readLineage(db, seriesId)).toEqual(lineage(members));
			// Nothing left to do once it is up to date.
			expect(await updateLineage(db, seriesId)).toBeNull();
			return inserted;
		}

		it("extends on an append and recomputes from a middle insert, equal to a full rebuild (synthetic)", async () => {
			// Seed 1: fourteen members whose edits include merges and splits.
			const members = [...syntheticSeries(baseResolution(), 14, 1)].map((y) => y.resolution);
			const result = await check("incremental-synthetic", members, 5);
			// The generated edits end clauses (removals and merges) and start new ones.
			expect(result.clauses.some((c) => c.cells.length < members.length)).toBe(true);
			expect(result.clauses.some((c) => c.cells.some((x) => x.endsWith(" ends")))).toBe(true);
			expect(result.clauses.some((c) => c.cells.some((x) => x.includes(" split")))).toBe(true);
		}, 120_000);

		it("revives a clause in an appended member from the stored state (language back after a gap)", async () => {
			// Synthetic test resolutions: OP2 (C) leaves in 92/1 and comes back in 94/1, the member
			// appended last, so its earlier clause is found among those the stored state says ended.
			const A = "Recalling its resolutions on technical assistance to the country concerned,";
			const B =
				"1. Strongly condemns the attacks against civilians and peacekeepers in the northern regions;";
			const C =
				"2. Calls upon the Government to investigate all allegations of violations and to bring perpetrators to justice;";
			const D = "3. Decides to remain seized of the matter.";
			const members = [
				synthetic("90/1", A, B, C, D),
				synthetic("91/1", A, B, C, D),
				synthetic("92/1", A, B, D.replace("3.", "2.")),
				synthetic("93/1", A, B, D.replace("3.", "2.")),
				synthetic("94/1", A, B, C, D),
			];
			const result = await check("incremental-revival", members, 1);
			expect(
				result.clauses.map((c) => c.cells.map((x) => x.split(" ").slice(0, 3).join(" "))),
			).toContainEqual([
				"A/HRC/RES/90/1 OP2 new",
				"A/HRC/RES/91/1 OP2 unchanged",
				"A/HRC/RES/94/1 OP2 new",
			]);
		});

		it.skipIf(!realDir)(
			"does the same on the real Mali members, 28/31 inserted last",
			async () => {
				const members = loadRealSeries(realDir ?? "");
				const held = members.findIndex((m) => m.symbol === "A/HRC/RES/28/31");
				expect(held).toBeGreaterThan(0);
				// A separate series id: the symbols are the real ones, so another test's copies must not clash.
				await check("mali-hrc-incremental", members, held);
			},
			120_000,
		);
	});
}
