import { NotFoundError } from "../core/errors.ts";
import type { NewLanguage } from "../core/lineage/index.ts";
import { type Paragraph, paragraphText } from "../core/model.ts";
import {
	type PhraseSpan,
	type Place,
	type SourcesNote,
	type SpannedParagraph,
	sourcesNote,
} from "../core/novelty/index.ts";
import { ensureLineage } from "../db/queries/lineage.ts";
import {
	backfillLanguage,
	readMemberSpans,
	readParagraphWithSpans,
	readSpans,
} from "../db/queries/provenance.ts";
import {
	findResolutionRow,
	type MemberRow,
	paragraphsAt,
	toParagraph,
} from "../db/queries/resolutions.ts";
import type { ServiceContext } from "./context.ts";
import { loadStored, normaliseSymbol } from "./resolutions.ts";
import { getNewLanguage } from "./series.ts";

export interface MemberSide {
	readonly symbol: string;
	readonly title: string | null;
	readonly date: string | null;
}

export interface ParagraphSources {
	readonly paragraph: Paragraph;
	/** The paragraph's text as the spans cut it: lead, body and sub-paragraphs. */
	readonly text: string;
	readonly spans: PhraseSpan[];
	readonly note: SourcesNote;
}

export interface MemberSources {
	readonly member: MemberSide;
	readonly paragraphs: ParagraphSources[];
}

export type PhraseNewLanguage = Omit<NewLanguage, "preambular" | "operative"> & {
	/** Paragraphs no earlier member has a counterpart of, with their spans (borrowed wording names its source). */
	readonly preambular: SpannedParagraph[];
	readonly operative: SpannedParagraph[];
	/** Paragraphs that carry earlier language and add new wording to it. */
	readonly reworded: {
		readonly preambular: SpannedParagraph[];
		readonly operative: SpannedParagraph[];
	};
};

const side = (row: Omit<MemberRow, "id">): MemberSide => ({
	symbol: row.symbol,
	title: row.title,
	date: row.adopted,
});

/** Spans of a member, computing them first for a store filled before spans existed. */
async function spansFor(ctx: ServiceContext, row: { readonly id: number }) {
	const read = () => readSpans(ctx.db, row.id);
	const found = await read();
	if (found.length > 0) return found;
	await ctx.db.transaction((tx) => backfillLanguage(tx));
	return read();
}

/** Texts of the places given, to tell an unchanged copy from an amended one. */
async function placeTexts(
	ctx: ServiceContext,
	places: readonly Place[],
): Promise<Map<string, string>> {
	const found = await paragraphsAt(ctx.db, places);
	return new Map(
		[...found].flatMap(([symbol, byRef]) =>
			[...byRef].map(([ref, p]): [string, string] => [`${symbol} ${ref}`, paragraphText(p)]),
		),
	);
}

async function annotate(
	ctx: ServiceContext,
	items: readonly { paragraph: Paragraph; spans: PhraseSpan[] }[],
): Promise<ParagraphSources[]> {
	const drafts = items.map((i) => {
		const text = paragraphText(i.paragraph);
		return { ...i, text, note: sourcesNote(i.spans, text) };
	});
	// Only a paragraph drawn wholly from one other paragraph can be an unchanged copy.
	const single = drafts.flatMap((d) =>
		d.note.from.length === 1 && d.note.news.length === 0 ? d.note.from : [],
	);
	const texts = await placeTexts(ctx, single);
	return drafts.map((d) => {
		const only = d.note.from.length === 1 ? d.note.from[0] : undefined;
		const copiedFrom = only ? texts.get(`${only.symbol} ${only.ref}`) : undefined;
		return {
			paragraph: d.paragraph,
			text: d.text,
			spans: d.spans,
			note: sourcesNote(d.spans, d.text, copiedFrom),
		};
	});
}

/** Every paragraph of a member with its spans and its sources annotation. */
export async function getSources(ctx: ServiceContext, member: string): Promise<MemberSources> {
	const { row, resolution } = await loadStored(ctx, member);
	const stored = new Map((await spansFor(ctx, row)).map((s) => [s.ref, s.spans]));
	const items = resolution.paragraphs.map((paragraph) => ({
		paragraph,
		spans: stored.get(paragraph.ref) ?? [],
	}));
	return { member: side(row), paragraphs: await annotate(ctx, items) };
}

/** One paragraph's spans and annotation. */
export async function getProvenance(
	ctx: ServiceContext,
	member: string,
	ref: string,
): Promise<{ member: MemberSide } & ParagraphSources> {
	const symbol = normaliseSymbol(member);
	let found = await readParagraphWithSpans(ctx.db, symbol, ref);
	if (!found?.paragraph) {
		// Rare paths: say what is stored, which needs the whole member (or the store).
		const { row, resolution } = await loadStored(ctx, member);
		const known = resolution.paragraphs.map((p) => p.ref);
		throw new NotFoundError(
			"paragraph",
			ref,
			`${row.symbol} has no paragraph ${ref}; its paragraphs are ${known[0]} to ${known.at(-1)}`,
			known,
		);
	}
	if (found.spans === null) {
		// A store filled before spans existed: compute them once, then read again.
		await ctx.db.transaction((tx) => backfillLanguage(tx));
		found = (await readParagraphWithSpans(ctx.db, symbol, ref)) ?? found;
	}
	const paragraph = found.paragraph ? toParagraph(found.paragraph) : undefined;
	if (!paragraph) throw new Error(`paragraph ${ref} of ${symbol} vanished while reading it`);
	const [annotated] = await annotate(ctx, [{ paragraph, spans: found.spans ?? [] }]);
	if (!annotated) throw new Error("annotate returned nothing");
	return { member: side(found.member), ...annotated };
}

/**
 * New language at the phrase level: wholly new paragraphs (those opening a
 * new clause of the series' lineage) and reworded ones, each with its spans.
 * Reads only the member's own rows, whatever the length of its series.
 */
export async function getPhraseNewLanguage(
	ctx: ServiceContext,
	seriesId: string,
	member: string,
	kind?: "preambular" | "operative",
): Promise<PhraseNewLanguage> {
	const row = await findResolutionRow(ctx.db, normaliseSymbol(member));
	if (!row || row.seriesId !== seriesId) {
		// The series-level verb says which of series or member is unknown, and what is stored.
		await getNewLanguage(ctx, seriesId, member, kind);
		throw new Error(`${member} is not a stored member of ${seriesId}`);
	}
	await ensureLineage(ctx.db, seriesId);
	let rows = await readMemberSpans(ctx.db, row.id);
	if (rows.every((r) => r.spans === null)) {
		// A store filled before spans existed: compute them once, then read again.
		await ctx.db.transaction((tx) => backfillLanguage(tx));
		rows = await readMemberSpans(ctx.db, row.id);
	}
	const wanted = (p: Paragraph) => kind === undefined || p.kind === kind;
	const spanned = rows.map((r) => ({
		paragraph: toParagraph(r.paragraph),
		spans: r.spans ?? [],
		fresh: r.fresh === true,
		newClauses: r.newClauses,
	}));
	const withSpans = (r: (typeof spanned)[number]): SpannedParagraph => ({
		...r.paragraph,
		spans: r.spans,
	});
	// A paragraph merged from several new clauses is listed once for each, as the series-level view lists it.
	const wholly = spanned
		.filter((r) => r.newClauses > 0 && wanted(r.paragraph))
		.flatMap((r) => Array.from({ length: r.newClauses }, () => withSpans(r)));
	const reworded = spanned
		.filter((r) => r.newClauses === 0 && r.fresh && wanted(r.paragraph))
		.map(withSpans);
	return {
		member: side(row),
		preambular: wholly.filter((p) => p.kind === "preambular"),
		operative: wholly.filter((p) => p.kind === "operative"),
		reworded: {
			preambular: reworded.filter((p) => p.kind === "preambular"),
			operative: reworded.filter((p) => p.kind === "operative"),
		},
	};
}
