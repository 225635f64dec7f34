/**
 * The real series (read at run time from RESDIFF_REAL_SERIES and
 * RESDIFF_REAL_SERIES_SOMALIA): every labelled consecutive pair graded
 * against the labels readers made by reading both texts
 * (test/fixtures/real-pairs), the confidence and candidates the engine gives,
 * and lineage over the seven Mali members.
 */
import { describe, expect, it } from "vitest";
import { compare } from "../../src/core/diff/index.ts";
import { lineage, newLanguage } from "../../src/core/lineage/index.ts";
import { realSeriesDir } from "../helpers/paths.ts";
import {
	addTally,
	calibrate,
	chainedPairs,
	f1,
	grade,
	labelledPairs,
	missingNotice,
	pairTexts,
	realFolder,
	type Tally,
} from "../helpers/real-pairs.ts";
import { loadRealSeries } from "../helpers/real-series.ts";

/** Changed-outcome F1 over every graded pair together. */
function changedF1(graded: readonly { readonly grade: ReturnType<typeof grade> }[]): number {
	return f1(graded.reduce((t: Tally, g) => addTally(t, g.grade.changed), { tp: 0, fp: 0, fn: 0 }));
}

const dir = realSeriesDir("comparison over the real series");
const pairs = labelledPairs().filter((p) => {
	const available = realFolder(p.series) !== null;
	if (!available) console.warn(`\n${missingNotice(p.series)} (${p.name})\n`);
	return available;
});

describe.skipIf(pairs.length === 0)("the labelled real pairs", () => {
	const graded = pairs.map((pair) => {
		const [a, b] = pairTexts(pair, realFolder(pair.series) ?? "");
		const changes = compare(a, b).changes;
		return { pair, changes, grade: grade(pair.changes, changes) };
	});

	it.each(graded.map((g) => [`${g.pair.series} ${g.pair.name}`, g] as const))(
		"compares %s as readers labelled it (changed-outcome F1 at least 0.90)",
		(_, g) => {
			expect(f1(g.grade.changed), JSON.stringify(g.grade.missed)).toBeGreaterThanOrEqual(0.9);
		},
	);

	it("agrees with the readers on at least 0.95 of changed outcomes overall", () => {
		expect(changedF1(graded)).toBeGreaterThanOrEqual(0.95);
	});

	const outcome = (series: string, name: string, from: string[], to: string[]) => {
		const g = graded.find((x) => x.pair.series === series && x.pair.name === name);
		return g?.changes.find(
			(c) =>
				c.from.map((p) => p.ref).join("+") === from.join("+") &&
				c.to.map((p) => p.ref).join("+") === to.join("+"),
		);
	};

	it.skipIf(!graded.some((g) => g.pair.name === "34-39-to-37-39"))(
		"keeps a heavy rewrite in its slot one paragraph: 34/39 OP25 (the High Commissioner's technical assistance) became 37/39 OP30",
		() => {
			const c = outcome("mali", "34-39-to-37-39", ["OP25"], ["OP30"]);
			expect(c?.status).toBe("reworded");
			// Paired on its slot and its addressee rather than its wording, so a reviewer should look.
			expect(c?.confidence).not.toBe("high");
		},
	);

	it.skipIf(!graded.some((g) => g.pair.name === "28-31-to-31-28"))(
		"finds a split whose parts were reworded: 28/31 PP8 became 31/28 PP8 and PP9",
		() => {
			expect(outcome("mali", "28-31-to-31-28", ["PP8"], ["PP8", "PP9"])?.status).toBe("split");
		},
	);

	it.skipIf(!graded.some((g) => g.pair.name === "25-36-to-28-31"))(
		"knows an addressee named in other words: 25/36 OP13 (the States Members and international organizations) became 28/31 OP21 (the international community)",
		() => {
			const c = outcome("mali", "25-36-to-28-31", ["OP13"], ["OP21"]);
			expect(c?.status).toBe("reworded");
			expect(c?.confidence).not.toBe("high");
		},
	);

	it.skipIf(!graded.some((g) => g.pair.name === "39-23-to-42-33"))(
		"finds a merge whose parts were reworded: Somalia 39/23 OP3, OP4 and OP5 became 42/33 OP3",
		() => {
			expect(outcome("somalia", "39-23-to-42-33", ["OP3", "OP4", "OP5"], ["OP3"])?.status).toBe(
				"merged",
			);
		},
	);

	it("is right on at least 0.98 of the outcomes it calls high confidence", () => {
		let n = 0;
		let right = 0;
		for (const g of graded) {
			const c = calibrate(g.pair.changes, g.changes);
			n += c.levels.high.n;
			right += c.levels.high.right;
		}
		expect(n).toBeGreaterThan(100);
		expect(right / n).toBeGreaterThanOrEqual(0.98);
	});

	it("gives every paired outcome a confidence and every new or removed one its candidates", () => {
		for (const g of graded) {
			for (const c of g.changes) {
				const lone = c.from.length === 0 || c.to.length === 0;
				expect(c.confidence === null).toBe(lone);
				if (!lone) expect(c.candidates).toEqual([]);
				expect(c.candidates.length).toBeLessThanOrEqual(3);
				for (const k of c.candidates) expect(k.similarity).toBeGreaterThanOrEqual(0.2);
			}
		}
	});

	it("names the true counterpart among the candidates of a paragraph it wrongly left new or removed", () => {
		let missed = 0;
		let named = 0;
		for (const g of graded) {
			const c = calibrate(g.pair.changes, g.changes);
			missed += c.candidates.missed;
			named += c.candidates.named;
		}
		expect(named).toBe(missed);
	});
});

describe.skipIf(!dir)("the real Mali series", () => {
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

	it("follows every paragraph through all seven members", () => {
		const lin = lineage(series);
		expect(lin.members).toHaveLength(7);
		series.forEach((res, k) => {
			const carried = lin.clauses.flatMap((c) => (c.cells[k] ? [c.cells[k]?.ref] : []));
			// Every paragraph carries a clause; only a merged paragraph carries several.
			expect(new Set(carried)).toEqual(new Set(res.paragraphs.map((p) => p.ref)));
			const merged = new Set(
				lin.clauses.flatMap((c) => (c.cells[k]?.status === "merged" ? [c.cells[k]?.ref] : [])),
			);
			const twice = carried.filter((r, i) => carried.indexOf(r) !== i);
			for (const r of twice) expect(merged.has(r)).toBe(true);
		});
		// "Decides to remain seized of this matter" has closed every resolution since 2012.
		const closing = lin.clauses.find((c) => c.cells[6]?.ref === "OP32");
		expect(closing?.first).toBe(0);
		expect(closing?.cells.every((cell) => cell !== null)).toBe(true);
		// The promotion of 34/39 PP14 to 37/39 OP8 continues its clause.
		const promoted = lin.clauses.find((c) => c.cells[6]?.ref === "OP8");
		expect(promoted?.cells[5]?.ref).toBe("PP14");
	});

	it("finds the new language of 37/39 where the readers found new paragraphs", () => {
		const label = labelledPairs().find((p) => p.name === "34-39-to-37-39");
		if (!label) throw new Error("the 34/39 -> 37/39 labels are missing");
		// Paragraphs the readers called new against 34/39; none of them revives an older member's language.
		const labelledNew = label.changes
			.filter((c) => c.status === "new" && !c.judgement)
			.flatMap((c) => c.to);
		const doubtful = new Set(label.changes.filter((c) => c.judgement).flatMap((c) => c.to));
		const fresh = newLanguage(series, 6);
		const found = [...fresh.preambular, ...fresh.operative].map((p) => p.ref);
		for (const ref of labelledNew) expect(found).toContain(ref);
		for (const ref of found) expect(labelledNew.includes(ref) || doubtful.has(ref)).toBe(true);
	});
});

const chained = chainedPairs().filter((p) => realFolder(p.series) !== null);

describe.skipIf(chained.length === 0)(
	"real pairs a year apart (labels chained from two readings)",
	() => {
		const graded = chained.map((pair) => {
			const [a, b] = pairTexts(pair, realFolder(pair.series) ?? "");
			const changes = compare(a, b).changes;
			return { pair, changes, grade: grade(pair.changes, changes) };
		});

		it("agrees with the chained labels on at least 0.93 of changed outcomes, with more editing between the texts", () => {
			expect(changedF1(graded)).toBeGreaterThanOrEqual(0.93);
		});

		it("says low confidence where it is wrong more often: low is right less often than medium and high", () => {
			const levels = {
				high: { n: 0, right: 0 },
				medium: { n: 0, right: 0 },
				low: { n: 0, right: 0 },
			};
			for (const g of graded) {
				const c = calibrate(g.pair.changes, g.changes);
				for (const level of ["high", "medium", "low"] as const) {
					levels[level].n += c.levels[level].n;
					levels[level].right += c.levels[level].right;
				}
			}
			const share = (x: { n: number; right: number }) => x.right / x.n;
			expect(levels.low.n).toBeGreaterThan(5);
			expect(share(levels.high)).toBeGreaterThanOrEqual(0.98);
			expect(share(levels.low)).toBeLessThan(share(levels.medium) - 0.1);
		});
	},
);
