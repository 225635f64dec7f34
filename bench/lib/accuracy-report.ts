/** Printing the accuracy benchmark: the score table, the control pairs, and what the engine got wrong. */
import { EDIT_KINDS } from "../generator/truth.ts";
import type { Evaluation } from "./evaluate.ts";
import { CATEGORIES, type Category, describe, metrics, micro, STATUSES } from "./score.ts";
import { formatTable, ratio } from "./table.ts";

export interface Named {
	readonly name: string;
	readonly result: Evaluation;
}

/** The targets issue 3 sets, shown beside the figures they apply to. */
export const TARGETS: Partial<Record<Category | "micro", number>> = {
	micro: 0.98,
	moved: 0.95,
	merged: 0.95,
	split: 0.95,
	"preambular->operative": 0.95,
};

export function scoreTable(methods: readonly Named[]): string {
	const headers = ["category", "support", "target"];
	for (const m of methods) headers.push(`${m.name} P`, "R", "F1");
	const first = methods[0];
	const rows = CATEGORIES.map((c) => {
		const row: (string | number)[] = [c, first ? metrics(first.result.board[c]).support : 0];
		row.push(TARGETS[c] !== undefined ? `>=${TARGETS[c]}` : "");
		for (const m of methods) {
			const t = m.result.board[c];
			const x = metrics(t);
			// A method that never predicts a category has no precision to speak of.
			row.push(t.tp + t.fp === 0 ? "-" : ratio(x.precision), ratio(x.recall), ratio(x.f1));
		}
		return row;
	});
	const changes = STATUSES.filter((s) => s !== "unchanged");
	const summary = (label: string, over: readonly Category[], target: string) => {
		const row: (string | number)[] = [
			label,
			first ? micro(first.result.board, over).support : 0,
			target,
		];
		for (const m of methods) {
			const x = micro(m.result.board, over);
			row.push(ratio(x.precision), ratio(x.recall), ratio(x.f1));
		}
		return row;
	};
	rows.push(summary("micro, all statuses", STATUSES, `>=${TARGETS.micro}`));
	rows.push(summary("micro, changes only", changes, ""));
	return formatTable(headers, rows);
}

export function controlTable(methods: readonly Named[]): string {
	const rows = methods.flatMap((m) =>
		(["identity", "renumbering"] as const).map((kind) => {
			const c = m.result[kind];
			return [
				m.name,
				kind === "identity" ? "identity" : "renumbering only",
				c.pairs,
				c.failing,
				c.outcomes,
				c.failing === 0 ? "ok" : "FAIL",
			];
		}),
	);
	return formatTable(
		["method", "control pairs", "pairs", "pairs with changes", "non-unchanged outcomes", "verdict"],
		rows,
	);
}

export function editTable(result: Evaluation): string {
	const kinds = [...EDIT_KINDS, "none"] as const;
	const rows = kinds.flatMap((k) => {
		const t = result.byEdit[k];
		if (!t) return [];
		return [
			[
				k === "none" ? "none (left alone)" : k,
				t.n,
				t.exact,
				ratio(t.exact / t.n),
				t.wrong["status/refs"] ?? 0,
				t.wrong.moved ?? 0,
				t.wrong.lead ?? 0,
				t.wrong.routine ?? 0,
			],
		];
	});
	return formatTable(
		[
			"edit",
			"outcomes",
			"exact",
			"share",
			"status/refs wrong",
			"moved wrong",
			"lead wrong",
			"routine wrong",
		],
		rows,
	);
}

/** A few concrete misses per edit kind: expected against got. */
export function missExamples(result: Evaluation, perKind = 3): string {
	const lines: string[] = [];
	const shown: Record<string, number> = {};
	for (const { pair, miss } of result.misses) {
		const kind = miss.expected.edit;
		if ((shown[kind] ?? 0) >= perKind) continue;
		shown[kind] = (shown[kind] ?? 0) + 1;
		lines.push(
			`  [${kind}] seed ${pair.seed} (edits: ${pair.edits.join(", ")}); wrong: ${miss.wrong.join(", ")}`,
			`      expected ${describe(miss.expected)}`,
			`      got      ${miss.got.length > 0 ? miss.got.map(describe).join("; ") : "(nothing on these refs)"}`,
		);
	}
	return lines.length > 0 ? lines.join("\n") : "  none";
}
