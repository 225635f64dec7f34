/**
 * The real-pair benchmark: every labelled consecutive pair of the real series
 * (test/fixtures/real-pairs), graded for the engine and the baselines in one
 * run. Texts are read at run time from the third party's folders and never
 * copied; what is printed is refs, statuses and figures only.
 */
import type { Change } from "../../src/core/diff/schema.ts";
import { lineage } from "../../src/core/lineage/index.ts";
import type { Resolution } from "../../src/core/model.ts";
import {
	addTally,
	type Calibration,
	calibrate,
	f1,
	type Graded,
	grade,
	type LabelledPair,
	labelledPairs,
	missingNotice,
	type PairGrade,
	pairTexts,
	realFolder,
	type SeriesName,
	type Tally,
} from "../../test/helpers/real-pairs.ts";
import { formatTable, ratio } from "./table.ts";

export type RealMethod = (old: Resolution, next: Resolution) => readonly Graded[];

export interface RealRun {
	readonly pairs: readonly { readonly pair: LabelledPair; readonly grades: readonly PairGrade[] }[];
	readonly totals: readonly { readonly changed: Tally; readonly all: Tally }[];
	readonly skipped: readonly SeriesName[];
}

/** Runs every method on every pair whose texts are available (the consecutive pairs unless given others). */
export function runRealPairs(
	methods: readonly RealMethod[],
	labelled: readonly LabelledPair[] = labelledPairs(),
): RealRun {
	const skipped = new Set<SeriesName>();
	const pairs: RealRun["pairs"][number][] = [];
	for (const pair of labelled) {
		const dir = realFolder(pair.series);
		if (!dir) {
			skipped.add(pair.series);
			continue;
		}
		const [a, b] = pairTexts(pair, dir);
		pairs.push({ pair, grades: methods.map((m) => grade(pair.changes, m(a, b))) });
	}
	const empty: Tally = { tp: 0, fp: 0, fn: 0 };
	const totals = methods.map((_, k) =>
		pairs.reduce(
			(t, p) => {
				const g = p.grades[k];
				return g ? { changed: addTally(t.changed, g.changed), all: addTally(t.all, g.all) } : t;
			},
			{ changed: empty, all: empty },
		),
	);
	return { pairs, totals, skipped: [...skipped] };
}

/** Changed-outcome F1 overall: the engine's (method 0), the best of the baselines', and the lead between them. */
export function changedLead(
	run: RealRun,
): { engine: number; best: number; lead: number } | undefined {
	const [engine, ...baselines] = run.totals;
	if (!engine) return undefined;
	const best = Math.max(...baselines.map((t) => f1(t.changed)));
	return { engine: f1(engine.changed), best, lead: f1(engine.changed) - best };
}

/** F1 per pair and overall (micro over pairs), changed outcomes and all outcomes, one column pair per method. */
export function realPairsTable(run: RealRun, names: readonly string[]): string {
	const headers = ["pair", "scored", ...names.flatMap((n) => [`${n} changed`, "all"])];
	const rows = run.pairs.map(({ pair, grades }) => [
		`${pair.series} ${pair.name}`,
		pair.changes.filter((c) => !c.judgement).length,
		...grades.flatMap((g) => [ratio(f1(g.changed)), ratio(f1(g.all))]),
	]);
	rows.push([
		"overall (micro)",
		run.pairs.reduce((n, p) => n + p.pair.changes.filter((c) => !c.judgement).length, 0),
		...run.totals.flatMap((t) => [ratio(f1(t.changed)), ratio(f1(t.all))]),
	]);
	for (const series of ["mali", "somalia"] as const) {
		const mine = run.pairs.filter((p) => p.pair.series === series);
		if (mine.length === 0) continue;
		rows.push([
			`  ${series} only`,
			"",
			...names.flatMap((_, k) => {
				const t = mine.reduce(
					(acc, p) => {
						const g = p.grades[k];
						return g ? { c: addTally(acc.c, g.changed), a: addTally(acc.a, g.all) } : acc;
					},
					{ c: { tp: 0, fp: 0, fn: 0 }, a: { tp: 0, fp: 0, fn: 0 } },
				);
				return [ratio(f1(t.c)), ratio(f1(t.a))];
			}),
		]);
	}
	return formatTable(headers, rows);
}

/** What method `k` got wrong, pair by pair: the labelled outcome and what it said instead. */
export function realMisses(run: RealRun, k = 0): string {
	const lines: string[] = [];
	for (const { pair, grades } of run.pairs) {
		const g = grades[k];
		if (!g || (g.missed.length === 0 && g.wrong.length === 0)) continue;
		lines.push(`${pair.series} ${pair.name}`);
		for (const m of g.missed)
			lines.push(
				`  expected ${m.expected.from.join("+")}>${m.expected.to.join("+")} ${m.expected.status}; got ${m.got.join(", ") || "nothing"}`,
			);
		const explained = new Set(g.missed.flatMap((m) => m.got));
		for (const w of g.wrong) if (!explained.has(w)) lines.push(`  also wrong: ${w}`);
	}
	return lines.length === 0 ? "  none" : lines.join("\n");
}

export function skippedNotices(run: RealRun): string {
	return run.skipped.map(missingNotice).join("\n");
}

/** Confidence levels and candidates over every available pair, for the engine's own outcomes. */
export function realCalibration(
	compare: (a: Resolution, b: Resolution) => readonly Change[],
	labelled: readonly LabelledPair[] = labelledPairs(),
): Calibration {
	const empty = () => ({
		high: { n: 0, right: 0 },
		medium: { n: 0, right: 0 },
		low: { n: 0, right: 0 },
	});
	const total: Calibration = {
		levels: empty(),
		doubtful: empty(),
		candidates: { missed: 0, named: 0 },
	};
	for (const pair of labelled) {
		const dir = realFolder(pair.series);
		if (!dir) continue;
		const [a, b] = pairTexts(pair, dir);
		const c = calibrate(pair.changes, compare(a, b));
		for (const level of ["high", "medium", "low"] as const) {
			total.levels[level].n += c.levels[level].n;
			total.levels[level].right += c.levels[level].right;
			total.doubtful[level].n += c.doubtful[level].n;
			total.doubtful[level].right += c.doubtful[level].right;
		}
		total.candidates.missed += c.candidates.missed;
		total.candidates.named += c.candidates.named;
	}
	return total;
}

export function calibrationTable(c: Calibration): string {
	const share = (x: { n: number; right: number }) => (x.n === 0 ? "-" : ratio(x.right / x.n));
	const rows = (["high", "medium", "low"] as const).map((level) => {
		const x = c.levels[level];
		const d = c.doubtful[level];
		return [level, x.n, x.right, share(x), d.n, d.right, share(d)];
	});
	const { missed, named } = c.candidates;
	return `${formatTable(["confidence", "scored", "right", "share right", "on judgement calls", "as first reader", "share"], rows)}

Wrongly new or removed paragraphs whose true counterpart is among their candidates: ${named} of ${missed}${missed > 0 ? ` (${ratio(named / missed)})` : ""}`;
}

/** Clauses of a lineage: how many rows, and how many hold a paragraph in one member only. */
interface ClauseCount {
	readonly clauses: number;
	readonly oneMember: number;
	/** Rows that skip a member and come back (language revived after a gap). */
	readonly revived: number;
}

function countRows(rows: readonly (readonly unknown[])[]): ClauseCount {
	const present = (row: readonly unknown[]) => row.flatMap((c, i) => (c ? [i] : []));
	return {
		clauses: rows.length,
		oneMember: rows.filter((r) => present(r).length === 1).length,
		revived: rows.filter((r) => present(r).some((m, k, all) => k > 0 && m - (all[k - 1] ?? m) > 1))
			.length,
	};
}

/**
 * The clauses the labels imply for a series: consecutive outcomes chained the
 * way lineage chains them (a split's other parts start rows of their own, a
 * merge's other parts end in the merged paragraph). Labels only join
 * neighbours, so nothing is revived across a gap.
 */
export function labelledClauses(
	series: "mali" | "somalia",
	members: readonly Resolution[],
): ClauseCount {
	const pairs = labelledPairs().filter((p) => p.series === series);
	const width = members.length;
	const rows: (string | null)[][] = [];
	let current = new Map<string, number>();
	const start = (member: number, ref: string) => {
		const row = new Array<string | null>(width).fill(null);
		row[member] = ref;
		rows.push(row);
		return rows.length - 1;
	};
	for (const p of members[0]?.paragraphs ?? []) current.set(p.ref, start(0, p.ref));
	pairs.forEach((pair, k) => {
		const member = k + 1;
		const next = new Map<string, number>();
		for (const c of pair.changes) {
			const [from, ...otherFrom] = c.from;
			const [to, ...otherTo] = c.to;
			if (!to) continue;
			const row = from === undefined ? undefined : current.get(from);
			const r = row ?? start(member, to);
			const cells = rows[r];
			if (cells) cells[member] = to;
			next.set(to, r);
			for (const f of otherFrom) {
				const merged = current.get(f);
				const mergedCells = merged === undefined ? undefined : rows[merged];
				if (mergedCells) mergedCells[member] = to;
			}
			for (const t of otherTo) next.set(t, start(member, t));
		}
		current = next;
	});
	return countRows(rows);
}

/** The engine's lineage of a series, counted the same way. */
export function engineClauses(members: readonly Resolution[]): ClauseCount {
	return countRows(lineage(members).clauses.map((c) => c.cells));
}

export function clauseTable(
	rows: readonly { name: string; members: number; engine: ClauseCount; labels: ClauseCount }[],
): string {
	return formatTable(
		[
			"series",
			"members",
			"engine clauses",
			"in one member",
			"revived",
			"labels imply",
			"in one member",
		],
		rows.map((r) => [
			r.name,
			r.members,
			r.engine.clauses,
			r.engine.oneMember,
			r.engine.revived,
			r.labels.clauses,
			r.labels.oneMember,
		]),
	);
}
