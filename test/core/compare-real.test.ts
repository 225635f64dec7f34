/**
 * The real series (read at run time from RESDIFF_REAL_SERIES): the labelled
 * 34/39 -> 37/39 pair, and lineage over all seven members.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compare } from "../../src/core/diff/index.ts";
import { lineage, newLanguage } from "../../src/core/lineage/index.ts";
import { realSeriesDir, repoRoot } from "../helpers/paths.ts";
import { loadRealSeries } from "../helpers/real-series.ts";

const dir = realSeriesDir("comparison over the real series");

interface TruthRow {
	from: string[];
	to: string[];
	status: string;
	moved?: boolean;
	routine?: boolean;
	lead?: string;
}

describe.skipIf(!dir)("the real series", () => {
	const series = dir ? loadRealSeries(dir) : [];

	it("has its seven members in order", () => {
		expect(series.map((r) => r.number)).toEqual([
			"20/17",
			"22/18",
			"25/36",
			"28/31",
			"31/28",
			"34/39",
			"37/39",
		]);
	});

	it("compares 34/39 with 37/39 as a reader labelled it", () => {
		const truth = JSON.parse(
			readFileSync(join(repoRoot, "test/fixtures/real-series/34-39-to-37-39.truth.json"), "utf8"),
		) as {
			changes: TruthRow[];
		};
		const [a, b] = [series[5], series[6]];
		if (!a || !b) throw new Error("members missing");
		const got = compare(a, b).changes.map(
			(c): TruthRow => ({
				from: c.from.map((p) => p.ref),
				to: c.to.map((p) => p.ref),
				status: c.status,
				...(c.moved ? { moved: true } : {}),
				...(c.routine ? { routine: true } : {}),
				...(c.lead && c.lead.shift !== "same" ? { lead: c.lead.shift } : {}),
			}),
		);
		expect(got).toEqual(truth.changes);
	});

	it("follows every paragraph through all seven members", () => {
		const lin = lineage(series);
		expect(lin.members).toHaveLength(7);
		// Every paragraph of every member sits in exactly one clause, or two when merged into another.
		series.forEach((res, k) => {
			const carried = lin.clauses.flatMap((c) =>
				c.cells[k] && c.cells[k]?.status !== "merged" ? [c.cells[k]?.ref] : [],
			);
			expect(carried.sort()).toEqual(res.paragraphs.map((p) => p.ref).sort());
		});
		// "Decides to remain seized of this matter" has closed every resolution since 2012.
		const closing = lin.clauses.find((c) => c.cells[6]?.ref === "OP32");
		expect(closing?.first).toBe(0);
		expect(closing?.cells.every((cell) => cell !== null)).toBe(true);
		// The promotion of 34/39 PP14 to 37/39 OP8 continues its clause.
		const promoted = lin.clauses.find((c) => c.cells[6]?.ref === "OP8");
		expect(promoted?.cells[5]?.ref).toBe("PP14");
		for (const [k, pair] of lin.pairs.entries()) {
			const s = pair.summary;
			console.info(
				`${series[k]?.number} -> ${series[k + 1]?.number}: ${s.new} new, ${s.removed} removed, ${s.reworded} reworded (${s.routine} routine), ${s.moved} moved, ${s.merged} merged, ${s.split} split; lead ${s.leadShifts.stronger} stronger, ${s.leadShifts.weaker} weaker, ${s.leadShifts.changed} changed`,
			);
		}
	});

	it("finds the new language of 37/39 among the paragraphs new against 34/39", () => {
		const fresh = newLanguage(series, 6);
		const newAgainst3439 = compare(
			series[5] ?? (series[0] as never),
			series[6] ?? (series[0] as never),
		)
			.changes.filter((c) => c.status === "new")
			.flatMap((c) => c.to.map((p) => p.ref));
		const found = [...fresh.preambular, ...fresh.operative].map((p) => p.ref);
		expect(found.length).toBeGreaterThan(10);
		for (const ref of found) expect(newAgainst3439).toContain(ref);
		expect(fresh.operative.map((p) => p.ref)).toContain("OP4");
	});
});
