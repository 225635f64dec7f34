/**
 * Sensitivity sweeps: edits made harder step by step (a larger share of a
 * paragraph rewritten; a move, merge, split or promotion with rewording on
 * top) to show how much margin the engine's thresholds leave before an
 * outcome is misread. Each point is single-edit pairs of one kind, so a miss
 * can only be that edit's.
 */

import type { Resolution } from "../../src/core/model.ts";
import type { Tuning } from "../generator/edits.ts";
import { generatePair } from "../generator/pairs.ts";
import type { EditKind } from "../generator/truth.ts";
import type { Method } from "./evaluate.ts";
import { subSeed } from "./prng.ts";
import { keyOf, type Outcome } from "./score.ts";
import { formatTable, ratio } from "./table.ts";

export interface SweepPoint {
	/** Outcomes of the swept edit. */
	readonly n: number;
	/** Found with the right status and refs (and the right `moved` for a move). */
	readonly found: number;
	/** What the misses were read as most often: "removed+new". */
	readonly commonMiss: string;
}

export function sweepPoint(
	base: Resolution,
	method: Method,
	kind: EditKind,
	tuning: Tuning,
	pairs: number,
	seed: number,
): SweepPoint {
	let n = 0;
	let found = 0;
	const missed = new Map<string, number>();
	for (let k = 0; k < pairs; k++) {
		const pair = generatePair(base, subSeed(seed, k), { edits: [1, 1], mix: [[kind, 1]], tuning });
		const predicted = method(pair.old, pair.new);
		const byKey = new Map<string, Outcome>(predicted.map((o) => [`${o.status} ${keyOf(o)}`, o]));
		for (const e of pair.truth.filter((t) => t.edit === kind)) {
			n++;
			const hit = byKey.get(`${e.status} ${keyOf(e)}`);
			if (hit && (kind !== "move" || hit.moved === e.moved)) {
				found++;
				continue;
			}
			// Refs side by side: OP21 of the old text is not OP21 of the new one.
			const olds = new Set(e.from.map((p) => p.ref));
			const news = new Set(e.to.map((p) => p.ref));
			const got = predicted
				.filter((o) => o.from.some((p) => olds.has(p.ref)) || o.to.some((p) => news.has(p.ref)))
				.map((o) => `${o.status}${o.moved ? "(moved)" : ""}`)
				.sort()
				.join("+");
			missed.set(got, (missed.get(got) ?? 0) + 1);
		}
	}
	const common = [...missed].sort((a, b) => b[1] - a[1])[0];
	return { n, found, commonMiss: common ? `${common[0]} (${common[1]})` : "" };
}

/** Rewritten clauses from 20% to 70% of the body: when does a rewording become "removed + new"? */
export function rewriteSweep(
	base: Resolution,
	method: Method,
	pairs: number,
	seed: number,
): string {
	const rows = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7].map((share) => {
		const p = sweepPoint(base, method, "rewrite", { rewriteShare: [share, share] }, pairs, seed);
		return [`${Math.round(share * 100)}%`, p.n, ratio(p.found / p.n), p.commonMiss];
	});
	return formatTable(
		["clause rewritten", "outcomes", "read as reworded", "misses read as (count)"],
		rows,
	);
}

/** Structural edits with 0-40% of each resulting paragraph rewritten as well. */
export function structuralSweep(
	base: Resolution,
	method: Method,
	pairs: number,
	seed: number,
): string {
	const kinds: EditKind[] = ["move", "merge", "split", "promote"];
	const rows = [0, 0.1, 0.2, 0.3, 0.4].map((share) => {
		const row: (string | number)[] = [`${Math.round(share * 100)}%`];
		for (const kind of kinds) {
			const p = sweepPoint(base, method, kind, { rewordAfter: share }, pairs, seed);
			row.push(ratio(p.found / p.n), p.commonMiss);
		}
		return row;
	});
	return formatTable(
		[
			"also rewritten",
			"move found",
			"misses read as",
			"merge found",
			"misses read as",
			"split found",
			"misses read as",
			"promotion found",
			"misses read as",
		],
		rows,
	);
}
