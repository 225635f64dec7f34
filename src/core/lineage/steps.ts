/**
 * The lineage algorithm as steps that can resume: where a lineage stands
 * after a member (its state) is enough to extend it by the members that
 * follow, so storage can add this year's member to the stored clauses, or
 * recompute from a member inserted in the middle, without going back over
 * the whole series. `lineage()` is these steps run from the first member.
 */
import { MATCH_THRESHOLD, toUnits, Unit } from "../diff/align.ts";
import type { StructuredDiff } from "../diff/schema.ts";
import { dice } from "../diff/similarity.ts";
import type { Paragraph, Resolution } from "../model.ts";
import type { LineageCell } from "./schema.ts";

/** Where a lineage stands after member `member` (an index into the series). */
export interface LineageState {
	readonly member: number;
	/** For each row (clause), the member where its language first appeared. */
	readonly firsts: number[];
	/** The row carrying each paragraph of member `member`, by ref. */
	readonly current: Map<string, number>;
	/** Every row so far, in reading order. */
	readonly order: number[];
	/**
	 * Rows a removal ended before member `member`, with the member and the
	 * paragraph that last carried them: candidates for a revival.
	 */
	readonly ended: Map<number, { readonly member: number; readonly paragraph: Paragraph }>;
}

/**
 * One cell set by a step. `carries` is false for a paragraph merged into
 * another clause's: the row ends there, and it is not ended by a removal.
 */
export interface StepCell {
	readonly row: number;
	readonly member: number;
	readonly cell: LineageCell;
	readonly carries: boolean;
}

export interface LineageSteps {
	/** The state after the last member given. */
	readonly state: LineageState;
	/** The cells of the members given, one per row and member. */
	readonly cells: StepCell[];
	/** The reading order after each member given, oldest first. */
	readonly orders: number[][];
}

const fresh = { status: "new", moved: false, shift: null, routine: false } as const;

function cell(
	p: { ref: string; kind: Paragraph["kind"] },
	rest: Omit<LineageCell, "ref" | "kind">,
): LineageCell {
	return { ref: p.ref, kind: p.kind, ...rest };
}

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

/** The lineage of a series' first member: every paragraph a clause of its own. */
export function startLineage(first: Resolution | undefined): LineageSteps {
	const paragraphs = first?.paragraphs ?? [];
	const current = new Map(paragraphs.map((p, row) => [p.ref, row]));
	const order = paragraphs.map((_, row) => row);
	return {
		state: { member: 0, firsts: order.map(() => 0), current, order, ended: new Map() },
		cells: paragraphs.map((p, row) => ({ row, member: 0, cell: cell(p, fresh), carries: true })),
		orders: [order],
	};
}

/**
 * Extends a lineage by the members after `state.member`. `last` is that
 * member's text, `next` the members that follow, and `diffs[k]` must be
 * compare(k === 0 ? last : next[k - 1], next[k]).
 */
export function extendLineage(
	state: LineageState,
	last: Resolution,
	next: readonly Resolution[],
	diffs: readonly StructuredDiff[],
): LineageSteps {
	const firsts = [...state.firsts];
	const ended = new Map(
		[...state.ended].map(([row, e]) => [row, { member: e.member, unit: new Unit(0, e.paragraph) }]),
	);
	let current = state.current;
	let order = state.order;
	const out = new Map<string, StepCell>();
	const set = (row: number, member: number, c: LineageCell, carries: boolean) =>
		out.set(`${row}:${member}`, { row, member, cell: c, carries });
	const newRow = (first: number, member: number, c: LineageCell) => {
		firsts.push(first);
		const row = firsts.length - 1;
		set(row, member, c, true);
		return row;
	};
	const orders: number[][] = [];

	next.forEach((now, k) => {
		const diff = diffs[k];
		const member = state.member + k + 1;
		const before = k === 0 ? last : next[k - 1];
		if (!diff || !before) throw new Error(`extendLineage: no comparison for member ${member}`);
		const unitsBefore = new Map(toUnits(before.paragraphs).map((u) => [u.paragraph.ref, u]));
		const unitsNow = new Map(toUnits(now.paragraphs).map((u) => [u.paragraph.ref, u]));
		const following = new Map<string, number>();
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
					if (unit) ended.set(row, { member: member - 1, unit });
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
			else set(row, member, cell(to, from ? rest : fresh), true);
			following.set(to.ref, row);
			touched.push(row);
			// The other paragraphs merged into this one end here, pointing at it.
			for (const f of otherFrom) {
				const merged = current.get(f.ref);
				if (merged === undefined) continue;
				set(merged, member, cell(to, rest), false);
				touched.push(merged);
			}
			// The other parts of a split carry language that is as old as their source.
			for (const t of otherTo) {
				const split = newRow(firsts[row] ?? member, member, cell(t, rest));
				following.set(t.ref, split);
				touched.push(split);
			}
		}
		order = mergeOrder(order, [...new Set(touched)]);
		orders.push(order);
		current = following;
	});

	return {
		state: {
			member: state.member + next.length,
			firsts,
			current,
			order,
			ended: new Map(
				[...ended].map(([row, e]) => [row, { member: e.member, paragraph: e.unit.paragraph }]),
			),
		},
		cells: [...out.values()],
		orders,
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
