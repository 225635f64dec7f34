/**
 * lineage(series): follows every paragraph through a series by chaining the
 * comparisons of consecutive members. Language that disappears and comes back
 * later continues its old clause, so "where did this come from" reaches past
 * a gap year. The work is done in resumable steps (./steps.ts).
 */
import { compare } from "../diff/compare.ts";
import type { StructuredDiff } from "../diff/schema.ts";
import type { Resolution } from "../model.ts";
import type { Clause, Lineage, LineageCell } from "./schema.ts";
import { extendLineage, startLineage } from "./steps.ts";

/**
 * The clauses of a series, oldest member first. `diffs[k]`, when given, must
 * be compare(series[k], series[k + 1]) (stored comparisons, say); otherwise
 * they are computed.
 */
export function lineage(series: readonly Resolution[], diffs?: readonly StructuredDiff[]): Lineage {
	const pairs = diffs ?? series.slice(1).map((next, k) => compare(series[k] as Resolution, next));
	const start = startLineage(series[0]);
	const first = series[0];
	const rest = first ? extendLineage(start.state, first, series.slice(1), pairs) : start;
	const cells = new Map<number, (LineageCell | null)[]>();
	for (const c of [...start.cells, ...(first ? rest.cells : [])]) {
		let line = cells.get(c.row);
		if (!line) {
			line = new Array<LineageCell | null>(series.length).fill(null);
			cells.set(c.row, line);
		}
		line[c.member] = c.cell;
	}
	const clauses: Clause[] = rest.state.order.map((row, i) => {
		const since = rest.state.firsts[row] ?? 0;
		return {
			id: `c${i + 1}`,
			first: since,
			since: series[since]?.symbol ?? null,
			cells: cells.get(row) ?? new Array<LineageCell | null>(series.length).fill(null),
		};
	});
	return {
		members: series.map((r) => ({ symbol: r.symbol, title: r.title, date: r.adoption.date })),
		pairs: pairs.map((d) => ({ from: d.from, to: d.to, summary: d.summary })),
		clauses,
	};
}
