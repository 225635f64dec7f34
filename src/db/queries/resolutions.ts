/** Reading resolutions back out of storage as the domain's Resolution. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Paragraph, Resolution } from "../../core/model.ts";
import { rowsOf } from "../rows.ts";
import { paragraphs, resolutions } from "../schema/index.ts";
import type { Queryable } from "../types.ts";

export type ResolutionRow = typeof resolutions.$inferSelect;
export type ParagraphRow = typeof paragraphs.$inferSelect;

export function toParagraph(row: ParagraphRow): Paragraph {
	return {
		ref: row.ref,
		kind: row.kind,
		number: row.number,
		label: row.label,
		lead: row.lead,
		lemma: row.lemma,
		body: row.body,
		subparagraphs: row.subparagraphs,
		footnotes: row.footnotes,
	};
}

export function toResolution(row: ResolutionRow, rows: readonly ParagraphRow[]): Resolution {
	return {
		symbol: row.symbol,
		number: row.number,
		title: row.title,
		session: row.session,
		organ: row.organ,
		adoption: { date: row.adopted, vote: row.vote, meeting: row.meeting, note: row.adoptionNote },
		paragraphs: [...rows].sort((a, b) => a.position - b.position).map(toParagraph),
		notes: row.notes,
		warnings: row.warnings,
	};
}

/** The stored row for a symbol, or undefined. */
export async function findResolutionRow(
	db: Queryable,
	symbol: string,
): Promise<ResolutionRow | undefined> {
	const [row] = await db.select().from(resolutions).where(eq(resolutions.symbol, symbol)).limit(1);
	return row;
}

/** Rows of the given resolutions with their paragraphs, as Resolutions, in the order of `ids`. */
export async function loadResolutions(
	db: Queryable,
	ids: readonly number[],
): Promise<{ row: ResolutionRow; resolution: Resolution; paragraphRows: ParagraphRow[] }[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.select()
		.from(resolutions)
		.where(inArray(resolutions.id, [...ids]));
	const byId = new Map(rows.map((r) => [r.id, r]));
	return withParagraphs(
		db,
		ids.flatMap((id) => byId.get(id) ?? []),
	);
}

/**
 * Stored members by symbol, with their paragraphs, in the order asked; a
 * symbol not stored is left out. Two queries for any number of members.
 */
export async function loadResolutionsBySymbol(
	db: Queryable,
	symbols: readonly string[],
): Promise<{ row: ResolutionRow; resolution: Resolution; paragraphRows: ParagraphRow[] }[]> {
	if (symbols.length === 0) return [];
	const rows = await db
		.select()
		.from(resolutions)
		.where(inArray(resolutions.symbol, [...new Set(symbols)]));
	const bySymbol = new Map(rows.map((r) => [r.symbol, r]));
	return withParagraphs(
		db,
		symbols.flatMap((s) => bySymbol.get(s) ?? []),
	);
}

/**
 * A fingerprint of what is stored for each symbol: the row versions of the
 * member and of each of its paragraphs (PostgreSQL's xmin and ctid, which
 * every insert, update and delete changes), so any change to anything a
 * Resolution is read from changes it. One query over the index, answering a
 * short text a member instead of its paragraphs (hashing the rows' contents
 * cost as much as reading them). A symbol not stored is left out.
 */
export async function storedFingerprints(
	db: Queryable,
	symbols: readonly string[],
): Promise<Map<string, string>> {
	if (symbols.length === 0) return new Map();
	const wanted = sql.join(
		[...new Set(symbols)].map((s) => sql`${s}`),
		sql`, `,
	);
	const result = await db.execute(sql`
		select r.symbol, md5(r.xmin::text || r.ctid::text || coalesce((
			select string_agg(p.xmin::text || p.ctid::text, ',' order by p.position)
			from paragraphs p where p.resolution_id = r.id
		), '')) as fingerprint
		from resolutions r where r.symbol in (${wanted})`);
	return new Map(
		rowsOf<{ symbol: string; fingerprint: string }>(result).map((r) => [r.symbol, r.fingerprint]),
	);
}

/** The rows with their paragraphs read in one query, as resolutions. */
async function withParagraphs(
	db: Queryable,
	rows: readonly ResolutionRow[],
): Promise<{ row: ResolutionRow; resolution: Resolution; paragraphRows: ParagraphRow[] }[]> {
	if (rows.length === 0) return [];
	const ids = [...new Set(rows.map((r) => r.id))];
	const paras = await db
		.select()
		.from(paragraphs)
		.where(inArray(paragraphs.resolutionId, ids))
		.orderBy(asc(paragraphs.resolutionId), asc(paragraphs.position));
	const byResolution = new Map<number, ParagraphRow[]>();
	for (const p of paras) {
		const list = byResolution.get(p.resolutionId) ?? [];
		list.push(p);
		byResolution.set(p.resolutionId, list);
	}
	return rows.map((row) => {
		const paragraphRows = byResolution.get(row.id) ?? [];
		return { row, resolution: toResolution(row, paragraphRows), paragraphRows };
	});
}

/** What lists of members need of each: not its notes, warnings or source. */
export type MemberRow = Pick<ResolutionRow, "id" | "symbol" | "title" | "adopted">;

/** The members of a series that are stored, in order of adoption. */
export async function seriesMemberRows(db: Queryable, seriesId: string): Promise<MemberRow[]> {
	return db
		.select({
			id: resolutions.id,
			symbol: resolutions.symbol,
			title: resolutions.title,
			adopted: resolutions.adopted,
		})
		.from(resolutions)
		.where(eq(resolutions.seriesId, seriesId))
		.orderBy(asc(resolutions.adopted), asc(resolutions.symbol));
}

/** Paragraphs named by member symbol and ref, for pages that quote a few of many members. */
export async function paragraphsAt(
	db: Queryable,
	wanted: readonly { readonly symbol: string; readonly ref: string }[],
): Promise<Map<string, Map<string, Paragraph>>> {
	const out = new Map<string, Map<string, Paragraph>>();
	if (wanted.length === 0) return out;
	const symbols = [...new Set(wanted.map((w) => w.symbol))];
	const rows = await db
		.select({ symbol: resolutions.symbol, paragraph: paragraphs })
		.from(paragraphs)
		.innerJoin(resolutions, eq(resolutions.id, paragraphs.resolutionId))
		.where(
			and(
				inArray(resolutions.symbol, symbols),
				inArray(paragraphs.ref, [...new Set(wanted.map((w) => w.ref))]),
			),
		);
	const keys = new Set(wanted.map((w) => `${w.symbol} ${w.ref}`));
	for (const r of rows) {
		if (!keys.has(`${r.symbol} ${r.paragraph.ref}`)) continue;
		const map = out.get(r.symbol) ?? new Map<string, Paragraph>();
		map.set(r.paragraph.ref, toParagraph(r.paragraph));
		out.set(r.symbol, map);
	}
	return out;
}
