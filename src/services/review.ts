/**
 * Reviewers correct the alignment of a stored member pair: pair paragraphs
 * the engine left apart (or paired otherwise), or unpair ones it joined. A
 * decision is stored, the pair's comparison is made again around it, and
 * the series' lineage, new language and search follow.
 */
import type { PairingDecision } from "../core/diff/schema.ts";
import { InvalidInputError, NotFoundError } from "../core/errors.ts";
import { computeAndStore } from "../db/queries/comparisons.ts";
import {
	type DecisionRow,
	decisionsFor,
	deleteDecision,
	findDecision,
	insertDecision,
	listDecisions,
} from "../db/queries/decisions.ts";
import { invalidateLineageFrom } from "../db/queries/lineage.ts";
import { findResolutionRow, loadResolutions, seriesMemberRows } from "../db/queries/resolutions.ts";
import type { Queryable } from "../db/types.ts";
import type { ServiceContext } from "./context.ts";
import { refreshLineage } from "./import.ts";
import { loadStored } from "./resolutions.ts";

/** Longest reviewer's note kept. */
export const MAX_NOTE_LENGTH = 500;

export interface Decision {
	readonly id: number;
	readonly from: string;
	readonly to: string;
	readonly action: PairingDecision["action"];
	readonly old: string[];
	readonly new: string[];
	readonly note: string | null;
	readonly decidedAt: string;
	/** Whether both texts are still the ones it was made on (otherwise it is ignored). */
	readonly holds: boolean;
}

function view(row: DecisionRow, holds: boolean): Decision {
	return {
		id: row.id,
		from: row.fromSymbol,
		to: row.toSymbol,
		action: row.action,
		old: row.fromRefs,
		new: row.toRefs,
		note: row.note,
		decidedAt: row.decidedAt.toISOString(),
		holds,
	};
}

export interface DecisionRequest extends PairingDecision {
	readonly note?: string | undefined;
}

function checkRefs(
	refs: readonly string[],
	side: {
		readonly row: { readonly symbol: string };
		readonly resolution: { readonly paragraphs: readonly { readonly ref: string }[] };
	},
): void {
	const known = side.resolution.paragraphs.map((p) => p.ref);
	for (const ref of refs) {
		if (!known.includes(ref)) {
			throw new NotFoundError(
				"paragraph",
				ref,
				`${ref} is not a paragraph of ${side.row.symbol}; its paragraphs are ${known[0]} to ${known.at(-1)}`,
				known,
			);
		}
	}
	if (new Set(refs).size !== refs.length)
		throw new InvalidInputError(`a paragraph is named twice: ${refs.join(", ")}`);
}

/** The series in which `to` follows `from` directly (their comparison feeds its lineage), or null. */
async function consecutive(
	db: Queryable,
	from: { readonly id: number; readonly seriesId: string | null },
	toId: number,
): Promise<string | null> {
	if (!from.seriesId) return null;
	const members = await seriesMemberRows(db, from.seriesId);
	const at = members.findIndex((m) => m.id === from.id);
	return at >= 0 && members[at + 1]?.id === toId ? from.seriesId : null;
}

/** The pair's comparison made again with the decisions that now hold; lineage follows if it is consecutive. */
async function recompare(ctx: ServiceContext, fromSymbol: string, toSymbol: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		const [fromRow, toRow] = await Promise.all([
			findResolutionRow(tx, fromSymbol),
			findResolutionRow(tx, toSymbol),
		]);
		if (!fromRow || !toRow) return;
		const loaded = await loadResolutions(tx, [fromRow.id, toRow.id]);
		const from = loaded.find((l) => l.row.id === fromRow.id);
		const to = loaded.find((l) => l.row.id === toRow.id);
		if (!from || !to) return;
		const seriesId = await consecutive(tx, fromRow, toRow.id);
		await computeAndStore(tx, from, to, seriesId !== null);
		// The lineage is recomputed from the later member of the pair on.
		if (seriesId) await invalidateLineageFrom(tx, seriesId, toRow.id);
	});
	ctx.memory?.clear();
	await refreshLineage(ctx);
}

/**
 * Records a reviewer's decision on two stored members and compares them
 * again around it. Earlier decisions naming any of the same paragraphs give
 * way to it.
 *
 * @throws NotFoundError for an unknown member or paragraph; InvalidInputError for a shape that is not a pair, merge or split.
 */
export async function decide(
	ctx: ServiceContext,
	fromInput: string,
	toInput: string,
	request: DecisionRequest,
): Promise<{ readonly decision: Decision; readonly replaced: Decision[] }> {
	const from = await loadStored(ctx, fromInput);
	const to = await loadStored(ctx, toInput);
	if (from.row.id === to.row.id)
		throw new InvalidInputError("a member cannot be reviewed against itself");
	if (request.from.length > 1 && request.to.length > 1) {
		throw new InvalidInputError(
			"pair one paragraph with one, or one with several (a merge or split); several with several is not one outcome",
		);
	}
	checkRefs(request.from, from);
	checkRefs(request.to, to);
	const note = request.note?.trim() ?? "";
	if (note.length > MAX_NOTE_LENGTH)
		throw new InvalidInputError(`a note may have at most ${MAX_NOTE_LENGTH} characters`);
	const { row, replaced } = await ctx.db.transaction((tx) =>
		insertDecision(tx, from.row, to.row, {
			action: request.action,
			from: request.from,
			to: request.to,
			note: note === "" ? null : note,
		}),
	);
	await recompare(ctx, from.row.symbol, to.row.symbol);
	return { decision: view(row, true), replaced: replaced.map((r) => view(r, true)) };
}

/** Every decision on a pair of stored members, and whether it still holds. */
export async function decisionsOn(
	ctx: ServiceContext,
	fromInput: string,
	toInput: string,
): Promise<Decision[]> {
	const from = await loadStored(ctx, fromInput);
	const to = await loadStored(ctx, toInput);
	const holding = new Set((await decisionsFor(ctx.db, from.row, to.row)).map((r) => r.id));
	return (await listDecisions(ctx.db, from.row.symbol, to.row.symbol)).map((r) =>
		view(r, holding.has(r.id)),
	);
}

/** Withdraws a decision; the pair is compared again without it. */
export async function withdraw(ctx: ServiceContext, id: number): Promise<Decision> {
	const row = await findDecision(ctx.db, id);
	if (!row) throw new NotFoundError("decision", String(id), `there is no decision ${id}`);
	await deleteDecision(ctx.db, id);
	await recompare(ctx, row.fromSymbol, row.toSymbol);
	return view(row, false);
}
