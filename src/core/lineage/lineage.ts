/**
 * lineage(series): follows every paragraph through a series by chaining the
 * comparisons of consecutive members. Language that disappears and comes back
 * later continues its old clause, so "where did this come from" reaches past
 * a gap year.
 */
import { MATCH_THRESHOLD, toUnits, type Unit } from "../diff/align.ts";
import { compare } from "../diff/compare.ts";
import type { StructuredDiff } from "../diff/schema.ts";
import { dice } from "../diff/similarity.ts";
import type { Paragraph, Resolution } from "../model.ts";
import type { Clause, Lineage, LineageCell } from "./schema.ts";

interface Row {
	first: number;
	cells: (LineageCell | null)[];
}

function cell(
	p: { ref: string; kind: Paragraph["kind"] },
	rest: Omit<LineageCell, "ref" | "kind">,
): LineageCell {
	return { ref: p.ref, kind: p.kind, ...rest };
}

const fresh = { status: "new", moved: false, shift: null, routine: false } as const;

/**
 * Keeps clauses that ended earlier in the rows, each after the clause that
 * preceded it, while the clauses of the newest member take its order.
 */
function mergeOrder(previous: readonly number[], current: readonly number[]): number[] {
	const inCurrent = new Set(current);
	const after = new Map<number, number[]>();
	let anchor = -1;
	for (const c of previous) {
		if (inCurrent.has(c)) {
			anchor = c;
		} else {
			const list = after.get(anchor) ?? [];
			list.push(c);
			after.set(anchor, list);
		}
	}
	return [...(after.get(-1) ?? []), ...current.flatMap((c) => [c, ...(after.get(c) ?? [])])];
}

/**
 * The clauses of a series, oldest member first. `diffs[k]`, when given, must
 * be compare(series[k], series[k + 1]) (stored comparisons, say); otherwise
 * they are computed.
 */
export function lineage(series: readonly Resolution[], diffs?: readonly StructuredDiff[]): Lineage {
	const pairs = diffs ?? series.slice(1).map((next, k) => compare(series[k] as Resolution, next));
	const rows: Row[] = [];
	const newRow = (first: number, member: number, c: LineageCell) => {
		const cells = new Array<LineageCell | null>(series.length).fill(null);
		cells[member] = c;
		rows.push({ first, cells });
		return rows.length - 1;
	};

	const firstMember = series[0];
	let current = new Map<string, number>();
	let order: number[] = [];
	for (const p of firstMember?.paragraphs ?? []) {
		const row = newRow(0, 0, cell(p, fresh));
		current.set(p.ref, row);
		order.push(row);
	}
	// Clauses absent from the latest member, with their last paragraph: candidates for a revival.
	const ended = new Map<number, { member: number; unit: Unit }>();

	pairs.forEach((diff, k) => {
		const member = k + 1;
		const before = series[k];
		const now = series[member];
		const unitsBefore = new Map(toUnits(before?.paragraphs ?? []).map((u) => [u.paragraph.ref, u]));
		const unitsNow = new Map(toUnits(now?.paragraphs ?? []).map((u) => [u.paragraph.ref, u]));
		const next = new Map<string, number>();
		const touched: number[] = [];
		const revived = new Set<number>();
		for (const change of diff.changes) {
			const [from, ...otherFrom] = change.from;
			const [to, ...otherTo] = change.to;
			const rest = {
				status: change.status,
				moved: change.moved,
				shift: change.lead?.shift ?? null,
				routine: change.routine,
			};
			if (!to) {
				const row = from ? current.get(from.ref) : undefined;
				const unit = from ? unitsBefore.get(from.ref) : undefined;
				if (row !== undefined) {
					touched.push(row);
					if (unit) ended.set(row, { member: k, unit });
				}
				continue;
			}
			let row = from ? current.get(from.ref) : undefined;
			if (row === undefined) {
				const unit = unitsNow.get(to.ref);
				row = unit ? revive(unit, ended, member, revived) : undefined;
				if (row !== undefined) {
					revived.add(row);
					ended.delete(row);
				}
			}
			if (row === undefined) row = newRow(member, member, cell(to, fresh));
			else {
				const r = rows[row];
				if (r) r.cells[member] = cell(to, from ? rest : fresh);
			}
			next.set(to.ref, row);
			touched.push(row);
			// The other paragraphs merged into this one end here, pointing at it.
			for (const f of otherFrom) {
				const merged = current.get(f.ref);
				const r = merged === undefined ? undefined : rows[merged];
				if (merged === undefined || !r) continue;
				r.cells[member] = cell(to, rest);
				touched.push(merged);
			}
			// The other parts of a split carry language that is as old as their source.
			const source = rows[row];
			for (const t of otherTo) {
				const split = newRow(source?.first ?? member, member, cell(t, rest));
				next.set(t.ref, split);
				touched.push(split);
			}
		}
		order = mergeOrder(order, [...new Set(touched)]);
		current = next;
	});

	const clauses: Clause[] = order.map((r, i) => ({
		id: `c${i + 1}`,
		first: rows[r]?.first ?? 0,
		since: series[rows[r]?.first ?? 0]?.symbol ?? null,
		cells: rows[r]?.cells ?? [],
	}));
	return {
		members: series.map((r) => ({ symbol: r.symbol, title: r.title, date: r.adoption.date })),
		pairs: pairs.map((d) => ({ from: d.from, to: d.to, summary: d.summary })),
		clauses,
	};
}

/** The ended clause whose last paragraph is most like `unit`, if any is like enough and absent last year. */
function revive(
	unit: Unit,
	ended: ReadonlyMap<number, { member: number; unit: Unit }>,
	member: number,
	taken: ReadonlySet<number>,
): number | undefined {
	let best: { row: number; s: number } | undefined;
	for (const [row, last] of ended) {
		// Removed last year is not a revival but a plain new paragraph against that year's text.
		if (last.member >= member - 1 || taken.has(row)) continue;
		const s = dice(unit.bag, unit.content.length, last.unit.bag, last.unit.content.length);
		if (s >= MATCH_THRESHOLD && (!best || s > best.s)) best = { row, s };
	}
	return best?.row;
}
