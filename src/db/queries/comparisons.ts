/**
 * Stored comparisons: written for neighbours in a series when a member is
 * imported, and as a cache for any other pair; read back as the same
 * StructuredDiff that compare() returns.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import {
	type Change,
	compare,
	ENGINE_VERSION,
	type StructuredDiff,
} from "../../core/diff/index.ts";
import type { Resolution } from "../../core/model.ts";
import { alignments, comparisons } from "../schema/index.ts";
import type { Queryable } from "../types.ts";
import { asDecision, decisionsFor } from "./decisions.ts";
import type { ParagraphRow, ResolutionRow } from "./resolutions.ts";

export interface StoredSide {
	readonly row: ResolutionRow;
	readonly resolution: Resolution;
	readonly paragraphRows: readonly ParagraphRow[];
}

/** Rows to insert for a diff's changes; paragraph refs become ids. */
function alignmentRows(
	comparisonId: number,
	diff: StructuredDiff,
	from: StoredSide,
	to: StoredSide,
) {
	const fromIds = new Map(from.paragraphRows.map((p) => [p.ref, p.id]));
	const toIds = new Map(to.paragraphRows.map((p) => [p.ref, p.id]));
	const ids = (refs: Change["from"], map: Map<string, number>) =>
		refs.flatMap((p) => map.get(p.ref) ?? []);
	return diff.changes.map((c, position) => {
		const fromParagraphIds = ids(c.from, fromIds);
		const toParagraphIds = ids(c.to, toIds);
		return {
			comparisonId,
			position,
			status: c.status,
			moved: c.moved,
			fromParagraphId: fromParagraphIds[0] ?? null,
			toParagraphId: toParagraphIds[0] ?? null,
			fromParagraphIds,
			toParagraphIds,
			similarity: c.similarity,
			leadFrom: c.lead?.from ?? null,
			leadTo: c.lead?.to ?? null,
			leadShift: c.lead?.shift ?? null,
			routine: c.routine,
			segments: c.segments,
			footnotes: c.footnotes ?? null,
			confidence: c.confidence,
			candidates: c.candidates,
			decidedBy: c.decidedBy,
		};
	});
}

/** Stores a computed diff between two stored resolutions, replacing any earlier one for the pair. */
export async function storeComparison(
	db: Queryable,
	from: StoredSide,
	to: StoredSide,
	diff: StructuredDiff,
	consecutive: boolean,
): Promise<void> {
	await db
		.delete(comparisons)
		.where(and(eq(comparisons.fromId, from.row.id), eq(comparisons.toId, to.row.id)));
	const [inserted] = await db
		.insert(comparisons)
		.values({
			fromId: from.row.id,
			toId: to.row.id,
			consecutive,
			engine: ENGINE_VERSION,
			summary: diff.summary,
		})
		.returning({ id: comparisons.id });
	if (!inserted) return;
	const rows = alignmentRows(inserted.id, diff, from, to);
	// Large series insert in chunks so no statement carries too many parameters.
	for (let i = 0; i < rows.length; i += 500)
		await db.insert(alignments).values(rows.slice(i, i + 500));
}

/** Compares two stored resolutions, as reviewers decided where they did, and stores the result. */
export async function computeAndStore(
	db: Queryable,
	from: StoredSide,
	to: StoredSide,
	consecutive: boolean,
): Promise<StructuredDiff> {
	const decided = await decisionsFor(db, from.row, to.row);
	const diff = compare(from.resolution, to.resolution, { decisions: decided.map(asDecision) });
	await storeComparison(db, from, to, diff, consecutive);
	return diff;
}

type AlignmentRow = typeof alignments.$inferSelect;

function toChange(a: AlignmentRow, paragraphById: ReadonlyMap<number, ParagraphRow>): Change {
	const pointers = (ids: readonly number[]) =>
		ids.flatMap((id) => {
			const p = paragraphById.get(id);
			return p ? [{ ref: p.ref, kind: p.kind, number: p.number }] : [];
		});
	return {
		status: a.status,
		moved: a.moved,
		from: pointers(a.fromParagraphIds),
		to: pointers(a.toParagraphIds),
		similarity: a.similarity,
		lead:
			a.leadFrom !== null && a.leadTo !== null && a.leadShift !== null
				? { from: a.leadFrom, to: a.leadTo, shift: a.leadShift }
				: null,
		routine: a.routine,
		segments: a.segments,
		...(a.footnotes ? { footnotes: a.footnotes } : {}),
		confidence: a.confidence,
		candidates: a.candidates,
		decidedBy: a.decidedBy,
	};
}

/**
 * Stored diffs for the given (from, to) pairs made by this engine version,
 * keyed "fromId:toId". Pairs not stored are absent.
 */
export async function loadStoredDiffs(
	db: Queryable,
	pairs: readonly { from: StoredSide; to: StoredSide }[],
): Promise<Map<string, StructuredDiff>> {
	const out = new Map<string, StructuredDiff>();
	if (pairs.length === 0) return out;
	const fromIds = [...new Set(pairs.map((p) => p.from.row.id))];
	const stored = await db
		.select()
		.from(comparisons)
		.where(and(inArray(comparisons.fromId, fromIds), eq(comparisons.engine, ENGINE_VERSION)));
	const wanted = new Map(pairs.map((p) => [`${p.from.row.id}:${p.to.row.id}`, p]));
	const hits = stored.filter((c) => wanted.has(`${c.fromId}:${c.toId}`));
	if (hits.length === 0) return out;
	const rows = await db
		.select()
		.from(alignments)
		.where(
			inArray(
				alignments.comparisonId,
				hits.map((h) => h.id),
			),
		)
		.orderBy(asc(alignments.comparisonId), asc(alignments.position));
	const byComparison = new Map<number, AlignmentRow[]>();
	for (const r of rows) {
		const list = byComparison.get(r.comparisonId) ?? [];
		list.push(r);
		byComparison.set(r.comparisonId, list);
	}
	for (const c of hits) {
		const key = `${c.fromId}:${c.toId}`;
		const pair = wanted.get(key);
		if (!pair) continue;
		const paragraphById = new Map(
			[...pair.from.paragraphRows, ...pair.to.paragraphRows].map((p) => [p.id, p]),
		);
		const side = (s: StoredSide) => ({
			symbol: s.row.symbol,
			title: s.row.title,
			date: s.row.adopted,
		});
		out.set(key, {
			from: side(pair.from),
			to: side(pair.to),
			summary: c.summary,
			changes: (byComparison.get(c.id) ?? []).map((a) => toChange(a, paragraphById)),
		});
	}
	return out;
}
