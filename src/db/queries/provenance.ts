/**
 * Phrase-level provenance in storage: a member's shingles go into the
 * shingle index at import, and its paragraphs' spans are computed from what
 * that index says about earlier language: in its series (the member before,
 * and the first use) and in every other stored resolution (the first use).
 * Each lookup is one index probe per shingle, so the cost of importing a
 * member does not grow with the length of its series. Members adopted after
 * it whose wording it shares are recomputed, since their `first` may now be
 * this member; importing the latest member recomputes nothing else.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { paragraphText } from "../../core/model.ts";
import {
	earlierLanguageFrom,
	type PhraseSpan,
	paragraphShingles,
	paragraphSpans as spansOf,
} from "../../core/novelty/index.ts";
import { rowsOf } from "../rows.ts";
import {
	clauseCells,
	clauses,
	paragraphSpans,
	paragraphs,
	resolutions,
	shingles,
} from "../schema/index.ts";
import type { Queryable } from "../types.ts";
import { type MemberRow, type ParagraphRow, seriesMemberRows } from "./resolutions.ts";

interface Member {
	readonly id: number;
	readonly seriesId: string | null;
	readonly adopted: string | null;
}

interface ParagraphText {
	readonly id: number;
	readonly ref: string;
	readonly text: string;
}

/** A list of hashes as one text parameter: the same SQL runs on every driver. */
const hashArray = (hashes: readonly number[]) =>
	sql`string_to_array(${hashes.join(",")}, ',')::bigint[]`;

/**
 * The condition "adopted before `member`" on shingle rows of its series: a
 * date bound when the member has a date (one comparison in the index), else
 * the list of the earlier members' ids.
 */
function earlierThan(member: Member, ids: readonly number[]) {
	const listed = sql`s.resolution_id = any(string_to_array(${ids.join(",")}, ',')::int[])`;
	if (member.adopted === null) return listed;
	// Members adopted the same day are ordered by symbol, as the series lists them: those go by the list.
	return sql`(s.adopted < ${member.adopted} or (s.adopted = ${member.adopted} and ${listed}))`;
}

/** The shingle hashes a stored member's text holds: what a replacement of it must look for in later members. */
export async function memberHashes(tx: Queryable, resolutionId: number): Promise<number[]> {
	const rows = await tx
		.selectDistinct({ hash: shingles.hash })
		.from(shingles)
		.where(eq(shingles.resolutionId, resolutionId));
	return rows.map((r) => r.hash);
}

/**
 * Indexes a member's shingles and computes its spans, then those of later
 * members it changes: those sharing its wording, and, where it replaces a
 * text (`replacedHashes`, the old text's), those that shared the old text's
 * wording, whose `first` may have named it. Runs inside the import's transaction.
 */
export async function storeLanguage(
	tx: Queryable,
	resolutionId: number,
	replacedHashes: readonly number[] = [],
): Promise<void> {
	const [member] = await tx
		.select({ id: resolutions.id, seriesId: resolutions.seriesId, adopted: resolutions.adopted })
		.from(resolutions)
		.where(eq(resolutions.id, resolutionId));
	if (!member) return;
	const texts = await paragraphTexts(tx, member.id);
	const all = new Set<number>();
	const values = texts.flatMap((p) =>
		[...new Set(paragraphShingles(p.text))].map((hash) => {
			all.add(hash);
			return {
				hash,
				resolutionId: member.id,
				ref: p.ref,
				seriesId: member.seriesId,
				adopted: member.adopted,
			};
		}),
	);
	await tx.delete(shingles).where(eq(shingles.resolutionId, member.id));
	for (let i = 0; i < values.length; i += 2000)
		await tx.insert(shingles).values(values.slice(i, i + 2000));
	await computeSpans(tx, member, texts);
	await recomputeLater(tx, member, [...new Set([...all, ...replacedHashes])]);
}

/** Stores language for every stored resolution that has none (a data folder from before spans existed), oldest first. */
export async function backfillLanguage(db: Queryable): Promise<number> {
	const missing = await db
		.select({ id: resolutions.id })
		.from(resolutions)
		.where(
			sql`not exists (select 1 from ${paragraphSpans} where ${paragraphSpans.resolutionId} = ${resolutions.id})`,
		)
		.orderBy(asc(resolutions.adopted), asc(resolutions.symbol));
	for (const m of missing) await storeLanguage(db, m.id);
	return missing.length;
}

async function paragraphTexts(
	tx: Queryable,
	resolutionId: number,
	refs?: readonly string[],
): Promise<ParagraphText[]> {
	const rows = await tx
		.select()
		.from(paragraphs)
		.where(
			refs
				? and(eq(paragraphs.resolutionId, resolutionId), inArray(paragraphs.ref, [...refs]))
				: eq(paragraphs.resolutionId, resolutionId),
		)
		.orderBy(asc(paragraphs.position));
	return rows.map((p) => ({ id: p.id, ref: p.ref, text: paragraphText(p) }));
}

/** Computes and stores the spans of some paragraphs of one member. */
async function computeSpans(
	tx: Queryable,
	member: Member,
	texts: readonly ParagraphText[],
): Promise<void> {
	if (texts.length === 0) return;
	const hashes = [...new Set(texts.flatMap((p) => paragraphShingles(p.text)))];
	const index = await lookUp(tx, member, hashes);
	const rows = texts.map((p) => {
		const spans = spansOf(p.text, index);
		return {
			paragraphId: p.id,
			resolutionId: member.id,
			spans,
			fresh: spans.some((s) => s.status === "new"),
		};
	});
	await tx.delete(paragraphSpans).where(
		inArray(
			paragraphSpans.paragraphId,
			texts.map((p) => p.id),
		),
	);
	for (let i = 0; i < rows.length; i += 500)
		await tx.insert(paragraphSpans).values(rows.slice(i, i + 500));
}

/** The members of the series before `member`, in order; the last is the member before. */
async function earlierMembers(tx: Queryable, member: Member): Promise<MemberRow[]> {
	if (!member.seriesId) return [];
	const all = await seriesMemberRows(tx, member.seriesId);
	const at = all.findIndex((m) => m.id === member.id);
	return at < 0 ? [] : all.slice(0, at);
}

/** What the shingle index knows of these hashes before `member`: the EarlierLanguage its spans are read against. */
async function lookUp(tx: Queryable, member: Member, hashes: readonly number[]) {
	const earlier = await earlierMembers(tx, member);
	const position = new Map(earlier.map((m, k) => [m.id, k]));
	const rows: {
		hash: number;
		member: number | null;
		symbol: string;
		ref: string;
		date: string | null;
	}[] = [];
	if (hashes.length === 0) return earlierLanguageFrom([], rows);
	const ids = earlier.map((m) => m.id);
	const previous = earlier.at(-1);
	if (previous) {
		// First use in the series: the earliest earlier member holding each shingle.
		const firsts = rowsOf<{ hash: string | number; ref: string; resolution_id: number }>(
			await tx.execute(sql`
				select h.hash, x.ref, x.resolution_id
				from unnest(${hashArray(hashes)}) as h(hash)
				cross join lateral (
					select s.ref, s.resolution_id from ${shingles} s
					where s.series_id = ${member.seriesId} and s.hash = h.hash
						and ${earlierThan(member, ids)}
					order by s.adopted nulls last, s.resolution_id limit 1
				) x`),
		);
		// Where the member before holds each shingle.
		const before = await tx
			.select({ hash: shingles.hash, ref: shingles.ref })
			.from(shingles)
			.where(
				and(
					eq(shingles.resolutionId, previous.id),
					sql`${shingles.hash} = any(${hashArray(hashes)})`,
				),
			);
		for (const f of firsts) {
			const k = position.get(f.resolution_id);
			if (k !== undefined)
				rows.push({ hash: Number(f.hash), member: k, symbol: "", ref: f.ref, date: null });
		}
		for (const b of before)
			rows.push({ hash: b.hash, member: earlier.length - 1, symbol: "", ref: b.ref, date: null });
	}
	// First use anywhere, before this member's adoption: kept only when it lies outside the series.
	const anywhere = rowsOf<{
		hash: string | number;
		ref: string;
		resolution_id: number;
		series_id: string | null;
		adopted: string | null;
	}>(
		await tx.execute(sql`
			select h.hash, x.ref, x.resolution_id, x.series_id, x.adopted
			from unnest(${hashArray(hashes)}) as h(hash)
			cross join lateral (
				select s.ref, s.resolution_id, s.series_id, s.adopted from ${shingles} s
				where s.hash = h.hash and s.resolution_id <> ${member.id}
					and (${member.adopted}::text is null or s.adopted < ${member.adopted})
				order by s.adopted, s.resolution_id limit 1
			) x`),
	).filter((r) => r.series_id === null || r.series_id !== member.seriesId);
	const outsideIds = [...new Set(anywhere.map((r) => r.resolution_id))];
	const symbols = new Map(
		outsideIds.length === 0
			? []
			: (
					await tx
						.select({ id: resolutions.id, symbol: resolutions.symbol })
						.from(resolutions)
						.where(inArray(resolutions.id, outsideIds))
				).map((r) => [r.id, r.symbol]),
	);
	for (const a of anywhere) {
		rows.push({
			hash: Number(a.hash),
			member: null,
			symbol: symbols.get(a.resolution_id) ?? "?",
			ref: a.ref,
			date: a.adopted,
		});
	}
	return earlierLanguageFrom(
		earlier.map((m) => ({ symbol: m.symbol, date: m.adopted })),
		rows,
	);
}

/** Recomputes paragraphs of later resolutions (any series) that share wording with `member`. */
async function recomputeLater(
	tx: Queryable,
	member: Member,
	hashes: readonly number[],
): Promise<void> {
	if (hashes.length === 0) return;
	const laterInSeries = member.seriesId
		? (await seriesMemberRows(tx, member.seriesId)).map((m) => m.id)
		: [];
	const after = laterInSeries.slice(laterInSeries.indexOf(member.id) + 1);
	// Two lookups, each a range in an index, rather than one with an "or" between them: with the
	// "or", every sighting of every hash was read, so appending to a long series read the whole
	// series' shingles (the usual case, a newest member, has no later sightings to find).
	const adoptedLater = member.adopted
		? rowsOf<{ resolution_id: number; ref: string }>(
				await tx.execute(sql`
					select distinct s.resolution_id, s.ref from ${shingles} s
					where s.hash = any(${hashArray(hashes)}) and s.adopted > ${member.adopted}
						and s.resolution_id <> ${member.id}`),
			)
		: [];
	const listedLater =
		after.length > 0
			? rowsOf<{ resolution_id: number; ref: string }>(
					await tx.execute(sql`
						select distinct s.resolution_id, s.ref from ${shingles} s
						where s.resolution_id = any(string_to_array(${after.join(",")}, ',')::int[])
							and s.hash = any(${hashArray(hashes)})`),
				)
			: [];
	const touched = [
		...new Map(
			[...adoptedLater, ...listedLater].map((t) => [`${t.resolution_id}\u0000${t.ref}`, t]),
		).values(),
	];
	const byResolution = new Map<number, string[] | undefined>();
	for (const t of touched)
		byResolution.set(t.resolution_id, [...(byResolution.get(t.resolution_id) ?? []), t.ref]);
	// The next member now has this one as the member before: every source of it changes.
	if (after[0] !== undefined) byResolution.set(after[0], undefined);
	for (const [id, refs] of byResolution) {
		const [later] = await tx
			.select({ id: resolutions.id, seriesId: resolutions.seriesId, adopted: resolutions.adopted })
			.from(resolutions)
			.where(eq(resolutions.id, id));
		if (later) await computeSpans(tx, later, await paragraphTexts(tx, id, refs));
	}
}

export interface StoredSpans {
	readonly ref: string;
	readonly spans: PhraseSpan[];
	readonly fresh: boolean;
}

/** The stored spans of a member's paragraphs, in document order; with `onlyFresh`, those with a new span. */
export async function readSpans(
	db: Queryable,
	resolutionId: number,
	options: { onlyFresh?: boolean; ref?: string } = {},
): Promise<StoredSpans[]> {
	const conditions = [eq(paragraphSpans.resolutionId, resolutionId)];
	if (options.onlyFresh) conditions.push(eq(paragraphSpans.fresh, true));
	if (options.ref !== undefined) conditions.push(eq(paragraphs.ref, options.ref));
	return db
		.select({ ref: paragraphs.ref, spans: paragraphSpans.spans, fresh: paragraphSpans.fresh })
		.from(paragraphSpans)
		.innerJoin(paragraphs, eq(paragraphs.id, paragraphSpans.paragraphId))
		.where(and(...conditions))
		.orderBy(asc(paragraphs.position));
}

/** One paragraph of a member with its stored spans, and the member's row it was found through. */
export interface ParagraphWithSpans {
	readonly member: Pick<MemberRow, "id" | "symbol" | "title" | "adopted">;
	/** Null when the member has no paragraph of that ref. */
	readonly paragraph: ParagraphRow | null;
	/** Null when no spans are stored for it. */
	readonly spans: PhraseSpan[] | null;
}

/**
 * A paragraph and its stored spans by the member's symbol and the paragraph's
 * ref: one query through three unique or primary keys, so its cost does not
 * grow with the member or its series. Undefined when no resolution has that symbol.
 */
export async function readParagraphWithSpans(
	db: Queryable,
	symbol: string,
	ref: string,
): Promise<ParagraphWithSpans | undefined> {
	const [row] = await db
		.select({
			id: resolutions.id,
			symbol: resolutions.symbol,
			title: resolutions.title,
			adopted: resolutions.adopted,
			paragraph: paragraphs,
			spans: paragraphSpans.spans,
		})
		.from(resolutions)
		.leftJoin(paragraphs, and(eq(paragraphs.resolutionId, resolutions.id), eq(paragraphs.ref, ref)))
		.leftJoin(paragraphSpans, eq(paragraphSpans.paragraphId, paragraphs.id))
		.where(eq(resolutions.symbol, symbol))
		.limit(1);
	if (!row) return undefined;
	const { paragraph, spans, ...member } = row;
	return { member, paragraph, spans };
}

/** A member's paragraph with its stored spans and how many clauses it opens. */
export interface SpannedParagraphRow {
	readonly paragraph: ParagraphRow;
	readonly spans: PhraseSpan[] | null;
	readonly fresh: boolean | null;
	/**
	 * New clauses of the series' lineage that begin at this paragraph in this
	 * member: a paragraph no earlier member has a counterpart of has one.
	 */
	readonly newClauses: number;
}

/**
 * Every paragraph of a member, in document order, with its stored spans and
 * the count of new clauses first seen there: all that the phrase-level
 * new-language view needs, in one query over the member's own rows.
 */
export async function readMemberSpans(
	db: Queryable,
	resolutionId: number,
): Promise<SpannedParagraphRow[]> {
	return db
		.select({
			paragraph: paragraphs,
			spans: paragraphSpans.spans,
			fresh: paragraphSpans.fresh,
			newClauses: sql<number>`(
				select count(*)::int from ${clauseCells}
				inner join ${clauses} on ${clauses.id} = ${clauseCells.clauseId}
				where ${clauseCells.paragraphId} = ${paragraphs.id}
					and ${clauseCells.resolutionId} = ${resolutionId}
					and ${clauseCells.status} = 'new'
					and ${clauses.firstResolutionId} = ${resolutionId}
			)`.mapWith(Number),
		})
		.from(paragraphs)
		.leftJoin(paragraphSpans, eq(paragraphSpans.paragraphId, paragraphs.id))
		.where(eq(paragraphs.resolutionId, resolutionId))
		.orderBy(asc(paragraphs.position));
}
