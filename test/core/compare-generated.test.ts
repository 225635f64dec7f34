/**
 * The accuracy benchmark's generated pairs in CI, with a fixed seed and
 * floors slightly under the targets (the full benchmark, with the
 * targets themselves, is `npm run bench:accuracy`). Also checks the generator:
 * its truth must account for every paragraph of both versions exactly once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { bumpRoutine, generatePair, syntheticSeries } from "../../bench/generator/index.ts";
import { EDIT_KINDS, type GeneratedPair } from "../../bench/generator/truth.ts";
import { missExamples } from "../../bench/lib/accuracy-report.ts";
import { type Evaluation, evaluate, makePairs, type PairSet } from "../../bench/lib/evaluate.ts";
import { type Category, metrics, micro } from "../../bench/lib/score.ts";
import { ADJECTIVES, NOUNS } from "../../bench/lib/vocabulary.ts";
import { compare } from "../../src/core/diff/index.ts";
import { paragraphText, type Resolution } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { shippedText } from "../helpers/paths.ts";

const SEED = 20180323;
const PAIRS = 200;
const OVERALL_FLOOR = 0.97;
const STRUCTURAL_FLOOR = 0.93;
const STRUCTURAL: readonly Category[] = ["moved", "merged", "split", "preambular->operative"];

const base: Resolution = parseResolution(shippedText());
const set: PairSet = makePairs(base, SEED, { edited: PAIRS, identity: 10, renumbering: 20 });

/** Every paragraph of each side, by ref, must be named by exactly one truth entry. */
function coverage(pair: GeneratedPair): { old: Map<string, number>; new: Map<string, number> } {
	const count = (res: Resolution, side: "from" | "to") => {
		const seen = new Map(res.paragraphs.map((p) => [p.ref, 0]));
		for (const e of pair.truth)
			for (const p of e[side]) seen.set(p.ref, (seen.get(p.ref) ?? 0) + 1);
		return seen;
	};
	return { old: count(pair.old, "from"), new: count(pair.new, "to") };
}

describe("the generator", () => {
	const all = [...set.edited, ...set.identity, ...set.renumbering];

	it("names every paragraph of both versions in exactly one truth entry", () => {
		for (const pair of all) {
			const { old, new: next } = coverage(pair);
			const wrong = [...old, ...next].filter(([, n]) => n !== 1);
			expect(wrong, `seed ${pair.seed} (${pair.edits.join(", ")})`).toEqual([]);
		}
	});

	it("gives each status the shape it must have", () => {
		for (const pair of all) {
			for (const e of pair.truth) {
				const shape = `${Math.min(e.from.length, 2)}:${Math.min(e.to.length, 2)}`;
				const expected = {
					new: "0:1",
					removed: "1:0",
					merged: "2:1",
					split: "1:2",
					unchanged: "1:1",
					reworded: "1:1",
				}[e.status];
				expect(shape, `${e.status} in seed ${pair.seed}`).toBe(expected);
				if (e.status === "unchanged" || e.status === "reworded") {
					const a = pair.old.paragraphs.find((p) => p.ref === e.from[0]?.ref);
					const b = pair.new.paragraphs.find((p) => p.ref === e.to[0]?.ref);
					expect(a && b && paragraphText(a) === paragraphText(b)).toBe(e.status === "unchanged");
				}
				if (e.routine) expect(e.status).toBe("reworded");
			}
		}
	});

	it("records lead shifts and moves only where an edit made them", () => {
		for (const pair of set.edited) {
			for (const e of pair.truth) {
				const shifted = e.lead !== null && e.lead.shift !== "same";
				expect(shifted, `seed ${pair.seed} ${e.edit}`).toBe(e.edit === "lead");
				if (e.moved) expect(["move", "promote"], `seed ${pair.seed}`).toContain(e.edit);
			}
		}
		for (const pair of [...set.identity, ...set.renumbering])
			expect(pair.truth.filter((e) => e.moved || e.status !== "unchanged")).toEqual([]);
	});

	it("writes new versions that read back as themselves, and says they are synthetic", () => {
		for (const pair of set.edited.slice(0, 50)) {
			expect(parseResolution(pair.newText).paragraphs).toEqual(pair.new.paragraphs);
			expect(pair.new.title).toMatch(/^Synthetic .*not an official text/);
		}
	});

	it("is deterministic: the same seed gives the same pair", () => {
		const a = generatePair(base, 12345);
		const b = generatePair(base, 12345);
		expect(a.newText).toBe(b.newText);
		expect(a.truth).toEqual(b.truth);
	});

	it("makes every kind of edit and the structural ones often enough to measure", () => {
		const counts = new Map<string, number>();
		for (const pair of set.edited)
			for (const e of pair.edits) counts.set(e, (counts.get(e) ?? 0) + 1);
		for (const kind of EDIT_KINDS) {
			expect(counts.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(kind === "bump" ? 20 : 40);
		}
	});

	it("bumps sessions, years, dates and document numbers as a new year's text does", () => {
		const options = { years: 3, sessions: 3, maxYear: 2099 };
		expect(
			bumpRoutine("at its fortieth session, A/HRC/37/78, 23 March 2018, in 2018", options),
		).toBe("at its forty-third session, A/HRC/40/78, 22 March 2021, in 2021");
		// Resolution numbers name past resolutions; they stay.
		expect(bumpRoutine("resolution 2374 and 20/17", options)).toBe("resolution 2374 and 20/17");
	});

	it("writes synthetic words that never occur in the source text", () => {
		const words = new Set(
			shippedText()
				.toLowerCase()
				.match(/\p{L}+/gu) ?? [],
		);
		expect([...NOUNS, ...ADJECTIVES].filter((w) => words.has(w))).toEqual([]);
	});

	it("evolves a synthetic series whose members say they are synthetic", () => {
		const members = [...syntheticSeries(base, 30, 7)];
		expect(members).toHaveLength(30);
		for (const m of members) {
			expect(m.resolution.symbol).toMatch(/^SYNTHETIC\//);
			expect(m.resolution.title).toMatch(/^Synthetic .*not an official text/);
		}
		const sizes = members.map((m) => m.resolution.paragraphs.length);
		expect(Math.min(...sizes)).toBeGreaterThan(30);
		expect(members.at(-1)?.resolution.adoption.date).toBe("2047-03-23");
	});
});

describe(`compare() on ${PAIRS} generated pairs (seed ${SEED})`, () => {
	let result: Evaluation;
	beforeAll(() => {
		result = evaluate(set, (a, b) => compare(a, b).changes);
	});

	it("throws on none of them", () => {
		expect(result.errors.map((e) => `seed ${e.pair.seed}: ${e.error}`)).toEqual([]);
	});

	it(`reaches micro F1 >= ${OVERALL_FLOOR} over all statuses`, () => {
		expect(micro(result.board).f1, missExamples(result)).toBeGreaterThanOrEqual(OVERALL_FLOOR);
	});

	for (const category of STRUCTURAL) {
		it(`reaches F1 >= ${STRUCTURAL_FLOOR} for ${category}`, () => {
			const m = metrics(result.board[category]);
			expect(m.support).toBeGreaterThan(0);
			expect(m.f1, missExamples(result)).toBeGreaterThanOrEqual(STRUCTURAL_FLOOR);
		});
	}

	it("finds nothing but unchanged in identity pairs", () => {
		expect(result.identity).toMatchObject({ failing: 0, outcomes: 0 });
	});

	it("finds nothing but unchanged in renumbering-only pairs (and nothing moved)", () => {
		expect(result.renumbering).toMatchObject({ failing: 0, outcomes: 0 });
	});
});
