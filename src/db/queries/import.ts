/**
 * Importing one resolution: its row, its paragraphs and its comparisons with
 * its neighbours in the series, in one transaction, so all of it lands or
 * none does. The same text twice changes nothing; a changed text for a stored
 * symbol replaces it only when asked.
 */
import { and, eq, sql } from "drizzle-orm";
import { cleanForComparison } from "../../core/diff/tokens.ts";
import { InvalidInputError, NotFoundError } from "../../core/errors.ts";
import type { Resolution } from "../../core/model.ts";
import { paragraphText } from "../../core/model.ts";
import { ConflictError } from "../errors.ts";
import { comparisons, paragraphs, resolutions, series } from "../schema/index.ts";
import type { Db, Queryable } from "../types.ts";
import { computeAndStore } from "./comparisons.ts";
import { dropStaleDecisions } from "./decisions.ts";
import { invalidateLineageFrom } from "./lineage.ts";
import { memberHashes, storeLanguage } from "./provenance.ts";
import { findResolutionRow, loadResolutions, seriesMemberRows } from "./resolutions.ts";

export interface ImportSource {
	readonly resolution: Resolution;
	readonly source: {
		readonly name: string;
		readonly address?: string | null;
		readonly sha256: string;
	};
}

export interface ImportOptions {
	/** The series to file it in; by default the series whose manifest lists the symbol, else none. */
	readonly seriesId?: string | null;
	/** Replace a stored text of the same symbol whose content differs. */
	readonly replace?: boolean;
	/** For tests of failure: runs inside the transaction once the paragraphs are written. */
	readonly afterParagraphs?: (tx: Queryable) => Promise<void> | void;
}

export interface ImportOutcome {
	readonly symbol: string;
	readonly status: "imported" | "replaced" | "unchanged";
	readonly seriesId: string | null;
	/** Reviewers' decisions made on the text this one replaced, which no longer hold. */
	readonly droppedDecisions?: DroppedDecision[];
}

export interface DroppedDecision {
	readonly from: string;
	readonly to: string;
	readonly action: "pair" | "unpair";
	readonly old: string[];
	readonly new: string[];
}

/** What search reads: the whole paragraph, lower case, plain quotes and single spaces. */
export function normalisedText(p: Resolution["paragraphs"][number]): string {
	return cleanForComparison(paragraphText(p)).toLowerCase();
}

async function seriesFor(
	db: Queryable,
	symbol: string,
	requested: string | null | undefined,
): Promise<string | null> {
	if (requested !== undefined) return requested;
	// Asked of the database: a long series' member list need not cross to be searched here.
	const [listing] = await db
		.select({ id: series.id })
		.from(series)
		.where(sql`${series.members} @> ${JSON.stringify([{ symbol }])}::jsonb`)
		.orderBy(series.id)
		.limit(1);
	return listing?.id ?? null;
}

export async function importResolution(
	db: Db,
	input: ImportSource,
	options: ImportOptions = {},
): Promise<ImportOutcome> {
	const { resolution, source } = input;
	const symbol = resolution.symbol;
	if (!symbol) {
		throw new InvalidInputError(
			`${source.name}: the text prints no symbol; give one (resdiff import --symbol 37/39 ${source.name})`,
		);
	}
	return db.transaction(async (tx) => {
		// Imports of one symbol, and of one series, happen one at a time.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`resdiff:${symbol}`}))`);
		const seriesId = await seriesFor(tx, symbol, options.seriesId);
		if (seriesId) {
			const [held] = await tx
				.select({ id: series.id })
				.from(series)
				.where(eq(series.id, seriesId))
				.for("update");
			// A series nobody declared: say so by name, not by the foreign key it would break.
			if (!held) {
				const known = (await tx.select({ id: series.id }).from(series)).map((r) => r.id);
				throw new NotFoundError(
					"series",
					seriesId,
					`unknown series "${seriesId}"; known: ${known.join(", ") || "none"}`,
					known,
				);
			}
		}

		const existing = await findResolutionRow(tx, symbol);
		if (existing && existing.sha256 === source.sha256)
			return { symbol, status: "unchanged", seriesId: existing.seriesId };
		if (existing && !options.replace) {
			throw new ConflictError(
				`${symbol} is already stored from ${existing.sourceName} with different text; import with --replace to replace it`,
			);
		}
		if (existing?.seriesId) {
			// The member after the old text is compared anew, so its lineage is recomputed too.
			const members = await seriesMemberRows(tx, existing.seriesId);
			const after = members[members.findIndex((m) => m.id === existing.id) + 1];
			if (after) await invalidateLineageFrom(tx, existing.seriesId, after.id);
		}
		// Later members whose wording was first seen in the old text are found by its hashes.
		const replacedHashes = existing ? await memberHashes(tx, existing.id) : [];
		if (existing) await tx.delete(resolutions).where(eq(resolutions.id, existing.id));
		const dropped = (await dropStaleDecisions(tx, symbol, source.sha256)).map((d) => ({
			from: d.fromSymbol,
			to: d.toSymbol,
			action: d.action,
			old: d.fromRefs,
			new: d.toRefs,
		}));

		const [row] = await tx
			.insert(resolutions)
			.values({
				seriesId,
				symbol,
				number: resolution.number,
				title: resolution.title,
				session: resolution.session,
				organ: resolution.organ,
				adopted: resolution.adoption.date,
				vote: resolution.adoption.vote,
				meeting: resolution.adoption.meeting,
				adoptionNote: resolution.adoption.note,
				notes: resolution.notes,
				warnings: resolution.warnings,
				sourceName: source.name,
				sourceAddress: source.address ?? null,
				sha256: source.sha256,
			})
			.returning();
		if (!row) throw new Error("insert returned no row");
		const values = resolution.paragraphs.map((p, position) => ({
			resolutionId: row.id,
			ref: p.ref,
			kind: p.kind,
			number: p.number,
			label: p.label,
			position,
			lead: p.lead,
			lemma: p.lemma,
			body: p.body,
			subparagraphs: p.subparagraphs,
			footnotes: p.footnotes,
			normalised: normalisedText(p),
		}));
		for (let i = 0; i < values.length; i += 500)
			await tx.insert(paragraphs).values(values.slice(i, i + 500));
		await options.afterParagraphs?.(tx);

		if (seriesId) await compareWithNeighbours(tx, seriesId, row.id);
		await storeLanguage(tx, row.id, replacedHashes);
		return {
			symbol,
			status: existing ? "replaced" : "imported",
			seriesId,
			...(dropped.length > 0 ? { droppedDecisions: dropped } : {}),
		};
	});
}

/**
 * Stores the comparisons between a member and its neighbours; the pair it now
 * stands between stops being consecutive (it stays as a cached comparison).
 */
async function compareWithNeighbours(tx: Queryable, seriesId: string, id: number): Promise<void> {
	const members = await seriesMemberRows(tx, seriesId);
	const at = members.findIndex((m) => m.id === id);
	const prev = members[at - 1];
	const next = members[at + 1];
	if (prev && next) {
		await tx
			.update(comparisons)
			.set({ consecutive: false })
			.where(and(eq(comparisons.fromId, prev.id), eq(comparisons.toId, next.id)));
	}
	const loaded = await loadResolutions(
		tx,
		[prev?.id, id, next?.id].filter((x): x is number => x !== undefined),
	);
	const byId = new Map(loaded.map((l) => [l.row.id, l]));
	const self = byId.get(id);
	if (!self) return;
	const before = prev ? byId.get(prev.id) : undefined;
	const after = next ? byId.get(next.id) : undefined;
	if (before) await computeAndStore(tx, before, self, true);
	if (after) await computeAndStore(tx, self, after, true);
	await tx.update(series).set({ lineageStale: true }).where(eq(series.id, seriesId));
}
