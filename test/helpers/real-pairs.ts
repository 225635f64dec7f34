/**
 * The labelled real pairs (test/fixtures/real-pairs) and how an outcome list
 * is graded against them. The labels hold refs and statuses only; the texts
 * come from the third party's folders at run time (RESDIFF_REAL_SERIES,
 * RESDIFF_REAL_SERIES_SOMALIA) and are never written into the repository.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChangeStatus } from "../../src/core/diff/schema.ts";
import type { Resolution } from "../../src/core/model.ts";
import { parseSymbol } from "../../src/core/symbol.ts";
import { repoRoot } from "./paths.ts";
import { loadRealSeries } from "./real-series.ts";

export type SeriesName = "mali" | "somalia";

/** One labelled outcome, as a reader wrote it. */
export interface Label {
	readonly from: readonly string[];
	readonly to: readonly string[];
	readonly status: ChangeStatus;
	readonly moved?: boolean;
	readonly lead?: "stronger" | "weaker" | "changed";
	readonly routine?: boolean;
	/** Present when a careful reader could label this outcome otherwise; such outcomes are not scored. */
	readonly judgement?: string;
	readonly reason?: string;
}

export interface LabelledPair {
	readonly series: SeriesName;
	/** "34-39-to-37-39" */
	readonly name: string;
	readonly from: string;
	readonly to: string;
	readonly changes: readonly Label[];
}

const labelsDir = join(repoRoot, "test/fixtures/real-pairs");
const folderVariable: Record<SeriesName, string> = {
	mali: "RESDIFF_REAL_SERIES",
	somalia: "RESDIFF_REAL_SERIES_SOMALIA",
};

/** Every labelled pair, Mali first, oldest first. Reads only the repository's own label files. */
export function labelledPairs(): LabelledPair[] {
	return (["mali", "somalia"] as const).flatMap((series) =>
		readdirSync(join(labelsDir, series))
			.filter((f) => f.endsWith(".json"))
			.sort((a, b) => Number(a.split("-")[0]) - Number(b.split("-")[0]))
			.map((file) => {
				const data = JSON.parse(readFileSync(join(labelsDir, series, file), "utf8")) as Omit<
					LabelledPair,
					"series" | "name"
				>;
				return { ...data, series, name: file.replace(/\.json$/, "") };
			}),
	);
}

/**
 * Labels of two readings chained: what became of each paragraph of the first
 * pair's old text in the second pair's new text. Paragraphs joined through
 * either reading stay together: one old and one new is `reworded` (or
 * `unchanged` when neither reading changed it), several on one side a merge
 * or split, and several on both sides is left to a reader (a judgement). An
 * outcome chained through a judgement call is one too. A paragraph dropped
 * by the first reading and restored by the second reads here as removed and
 * new; the revivals file says which were restored.
 */
export function chainLabels(first: readonly Label[], second: readonly Label[]): Label[] {
	const parent = new Map<string, string>();
	const root = (x: string): string => {
		const p = parent.get(x);
		if (p === undefined || p === x) {
			parent.set(x, x);
			return x;
		}
		const r = root(p);
		parent.set(x, r);
		return r;
	};
	const doubtful = new Set<string>();
	const edited = new Set<string>();
	const read = (labels: readonly Label[], from: string, to: string) => {
		for (const l of labels) {
			const nodes = [...l.from.map((r) => `${from}${r}`), ...l.to.map((r) => `${to}${r}`)];
			const [head] = nodes;
			for (const n of nodes) if (head !== undefined) parent.set(root(n), root(head));
			if (l.judgement) for (const n of nodes) doubtful.add(n);
			if (l.status !== "unchanged") for (const n of nodes) edited.add(n);
		}
	};
	// Old text "a:", the text between "b:", new text "c:".
	read(first, "a:", "b:");
	read(second, "b:", "c:");
	const groups = new Map<string, string[]>();
	for (const n of parent.keys()) groups.set(root(n), [...(groups.get(root(n)) ?? []), n]);
	const refs = (nodes: readonly string[], side: string) =>
		nodes.filter((n) => n.startsWith(side)).map((n) => n.slice(side.length));
	const out: Label[] = [];
	for (const nodes of groups.values()) {
		const from = refs(nodes, "a:");
		const to = refs(nodes, "c:");
		const judgement = nodes.some((n) => doubtful.has(n))
			? "chained through a reading marked as a judgement call"
			: from.length > 1 && to.length > 1
				? "several paragraphs on both sides"
				: undefined;
		const mark = judgement ? { judgement } : {};
		if (to.length === 0)
			for (const r of from) out.push({ from: [r], to: [], status: "removed", ...mark });
		else if (from.length === 0)
			for (const r of to) out.push({ from: [], to: [r], status: "new", ...mark });
		else {
			const status: ChangeStatus =
				from.length > 1
					? "merged"
					: to.length > 1
						? "split"
						: nodes.some((n) => edited.has(n))
							? "reworded"
							: "unchanged";
			out.push({ from, to, status, ...mark });
		}
	}
	return out;
}

/** Paragraphs read as restored after a year's absence: they pair across a chained pair. */
interface Revivals {
	readonly pairs: readonly {
		readonly series: SeriesName;
		readonly from: string;
		readonly to: string;
		readonly changes: readonly Label[];
	}[];
}

/**
 * Pairs a year apart (each member against the one two places later), their
 * labels chained from the two consecutive readings, with the paragraphs read
 * as restored (test/fixtures/real-pairs/revivals.json) paired across the gap.
 */
export function chainedPairs(): LabelledPair[] {
	const revivals = JSON.parse(readFileSync(join(labelsDir, "revivals.json"), "utf8")) as Revivals;
	const consecutive = labelledPairs();
	const out: LabelledPair[] = [];
	consecutive.forEach((first, k) => {
		const second = consecutive[k + 1];
		if (!second || second.series !== first.series || second.from !== first.to) return;
		let changes = chainLabels(first.changes, second.changes);
		for (const r of revivals.pairs) {
			if (r.series !== first.series || r.from !== first.from || r.to !== second.to) continue;
			for (const label of r.changes) {
				const [from] = label.from;
				const [to] = label.to;
				const gone = changes.filter(
					(c) =>
						(c.status === "removed" && c.from[0] === from) ||
						(c.status === "new" && c.to[0] === to),
				);
				if (gone.length !== 2)
					throw new Error(
						`revivals.json: ${from} -> ${to} (${r.from} to ${r.to}) is not a removed and a new paragraph of the chained labels`,
					);
				changes = [...changes.filter((c) => !gone.includes(c)), label];
			}
		}
		const name = `${first.name.split("-to-")[0]}-to-${second.name.split("-to-")[1]}`;
		out.push({ series: first.series, name, from: first.from, to: second.to, changes });
	});
	return out;
}

/** The folder holding a series' texts, or null where it is not available on this machine. */
export function realFolder(series: SeriesName): string | null {
	const dir = process.env[folderVariable[series]];
	return dir && existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".json")) ? dir : null;
}

/** The notice printed where a series' folder is missing. */
export function missingNotice(series: SeriesName): string {
	return `[notice] real ${series} pairs skipped: set ${folderVariable[series]} to ../shared/real-series${series === "somalia" ? "-somalia" : ""}`;
}

const loaded = new Map<string, Resolution[]>();

/** Both texts of a labelled pair, read from the third party's folder. */
export function pairTexts(pair: LabelledPair, dir: string): [Resolution, Resolution] {
	let members = loaded.get(dir);
	if (!members) {
		members = loadRealSeries(dir);
		loaded.set(dir, members);
	}
	const find = (symbol: string) => {
		const wanted = parseSymbol(symbol)?.symbol ?? symbol;
		const res = members?.find((r) => r.symbol === wanted);
		if (!res) throw new Error(`${pair.name}: ${symbol} is not in ${dir}`);
		return res;
	};
	return [find(pair.from), find(pair.to)];
}

/** What the grader reads of an outcome, whoever made it. */
export interface Graded {
	readonly from: readonly { readonly ref: string }[] | readonly string[];
	readonly to: readonly { readonly ref: string }[] | readonly string[];
	readonly status: ChangeStatus;
}

const refsOf = (side: Graded["from"]): string[] =>
	side.map((p) => (typeof p === "string" ? p : p.ref));

/** "OP3+OP5>OP4 merged": an outcome is right when its old refs, new refs and status all match. */
export function outcomeKey(o: Graded): string {
	return `${refsOf(o.from).sort().join("+")}>${refsOf(o.to).sort().join("+")} ${o.status}`;
}

export interface Tally {
	tp: number;
	fp: number;
	fn: number;
}

export interface PairGrade {
	/** Outcomes whose status is not `unchanged`, on either side. */
	readonly changed: Tally;
	readonly all: Tally;
	/** Scored truth outcomes that the method did not reproduce, and what it said instead. */
	readonly missed: readonly { readonly expected: Label; readonly got: readonly string[] }[];
	/** Predicted outcomes that no scored truth outcome matches. */
	readonly wrong: readonly string[];
}

/**
 * Grades predicted outcomes against a pair's labels. Judgement outcomes are
 * left out, and so is every predicted outcome that touches a paragraph of
 * one: the readers could not say what is right there.
 */
export function grade(labels: readonly Label[], predicted: readonly Graded[]): PairGrade {
	const doubtfulOld = new Set(labels.filter((l) => l.judgement).flatMap((l) => l.from));
	const doubtfulNew = new Set(labels.filter((l) => l.judgement).flatMap((l) => l.to));
	const scored = labels.filter((l) => !l.judgement);
	const considered = predicted.filter(
		(o) =>
			!refsOf(o.from).some((r) => doubtfulOld.has(r)) &&
			!refsOf(o.to).some((r) => doubtfulNew.has(r)),
	);
	const tally = (only: (status: ChangeStatus) => boolean): Tally => {
		const want = new Set(scored.filter((l) => only(l.status)).map(outcomeKey));
		const got = new Set(considered.filter((o) => only(o.status)).map(outcomeKey));
		let tp = 0;
		for (const k of got) if (want.has(k)) tp++;
		return { tp, fp: got.size - tp, fn: want.size - tp };
	};
	const gotKeys = new Set(considered.map(outcomeKey));
	const wantKeys = new Set(scored.map(outcomeKey));
	const missed = scored
		.filter((l) => !gotKeys.has(outcomeKey(l)))
		.map((expected) => ({
			expected,
			got: considered
				.filter(
					(o) =>
						refsOf(o.from).some((r) => expected.from.includes(r)) ||
						refsOf(o.to).some((r) => expected.to.includes(r)),
				)
				.map(outcomeKey),
		}));
	return {
		changed: tally((s) => s !== "unchanged"),
		all: tally(() => true),
		missed,
		wrong: [...gotKeys].filter((k) => !wantKeys.has(k)),
	};
}

export function addTally(a: Tally, b: Tally): Tally {
	return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** F1 of a tally; an empty tally on both sides is perfect. */
export function f1(t: Tally): number {
	if (t.tp + t.fp + t.fn === 0) return 1;
	return (2 * t.tp) / (2 * t.tp + t.fp + t.fn);
}

/** What the calibration reads of an engine outcome. */
export interface Rated extends Graded {
	readonly confidence: "high" | "medium" | "low" | null;
	readonly candidates: readonly { readonly ref: string }[];
}

export interface Calibration {
	/** Per confidence level: paired outcomes scored, and how many of them the labels confirm. */
	readonly levels: Record<"high" | "medium" | "low", { n: number; right: number }>;
	/** The same over judgement calls: how many paired outcomes touch one, and how many match the first reader's label. */
	readonly doubtful: Record<"high" | "medium" | "low", { n: number; right: number }>;
	/** New or removed outcomes the labels pair with something: how many name that counterpart among their candidates. */
	readonly candidates: { missed: number; named: number };
}

/**
 * How far the engine's confidence can be trusted on one pair, and whether a
 * wrongly new or removed paragraph names its true counterpart.
 */
export function calibrate(labels: readonly Label[], predicted: readonly Rated[]): Calibration {
	const doubtfulOld = new Set(labels.filter((l) => l.judgement).flatMap((l) => l.from));
	const doubtfulNew = new Set(labels.filter((l) => l.judgement).flatMap((l) => l.to));
	const right = new Set(labels.filter((l) => !l.judgement).map(outcomeKey));
	const firstReader = new Set(labels.map(outcomeKey));
	const empty = () => ({
		high: { n: 0, right: 0 },
		medium: { n: 0, right: 0 },
		low: { n: 0, right: 0 },
	});
	const levels = empty();
	const doubtful = empty();
	const candidates = { missed: 0, named: 0 };
	for (const o of predicted) {
		const from = refsOf(o.from);
		const to = refsOf(o.to);
		if (from.some((r) => doubtfulOld.has(r)) || to.some((r) => doubtfulNew.has(r))) {
			if (o.confidence) {
				doubtful[o.confidence].n++;
				if (firstReader.has(outcomeKey(o))) doubtful[o.confidence].right++;
			}
			continue;
		}
		if (o.confidence) {
			const level = levels[o.confidence];
			level.n++;
			if (right.has(outcomeKey(o))) level.right++;
			continue;
		}
		// A lone paragraph the labels pair with something: is that something among its candidates?
		const mine = from[0] ?? to[0];
		const truth = labels.find(
			(l) =>
				!l.judgement && (from.length > 0 ? l.from.includes(mine ?? "") : l.to.includes(mine ?? "")),
		);
		if (!truth || truth.from.length === 0 || truth.to.length === 0) continue;
		candidates.missed++;
		const counterpart = from.length > 0 ? truth.to : truth.from;
		if (o.candidates.some((c) => counterpart.includes(c.ref))) candidates.named++;
	}
	return { levels, doubtful, candidates };
}
