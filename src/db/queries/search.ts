/**
 * Where a phrase appears across the corpus: the paragraphs that contain it,
 * newest first; or, when none does, those whose words come close (trigram
 * word similarity), best first. Each hit comes with its member, ref and the
 * member where its language first appeared.
 */
import { desc, eq, sql } from "drizzle-orm";
import { cleanForComparison } from "../../core/diff/tokens.ts";
import { LimitError } from "../../core/errors.ts";
import type { Paragraph } from "../../core/model.ts";
import { paragraphs, resolutions } from "../schema/index.ts";
import type { Queryable } from "../types.ts";
import { firstAppearances } from "./lineage.ts";
import { toParagraph } from "./resolutions.ts";

/** Longest phrase accepted: longer ones are paragraphs, not search phrases. */
export const MAX_PHRASE_LENGTH = 500;
/** Most hits returned. */
export const MAX_HITS = 50;

export interface SearchHit {
	readonly symbol: string;
	readonly date: string | null;
	readonly paragraph: Paragraph;
	/** 1 for a paragraph containing the phrase as typed, else the trigram word similarity. */
	readonly score: number;
	readonly exact: boolean;
	/** The member where this paragraph's language first appeared, when it belongs to a series. */
	readonly firstAppeared: string | null;
}

/** LIKE treats % and _ as wildcards; a phrase means them literally. */
function likePattern(phrase: string): string {
	return `%${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchPhrase(
	db: Queryable,
	phrase: string,
	limit = MAX_HITS,
): Promise<SearchHit[]> {
	const q = cleanForComparison(phrase).toLowerCase();
	if (q.length > MAX_PHRASE_LENGTH) {
		throw new LimitError(
			"phrase",
			`the search phrase has ${q.length} characters; the limit is ${MAX_PHRASE_LENGTH}`,
		);
	}
	if (q.length < 3) return [];
	const wanted = Math.min(limit, MAX_HITS);
	const contains = sql<boolean>`${paragraphs.normalised} like ${likePattern(q)}`;
	const score = sql<number>`word_similarity(${q}, ${paragraphs.normalised})`;
	const columns = { paragraph: paragraphs, symbol: resolutions.symbol, date: resolutions.adopted };
	// Paragraphs holding the phrase as typed come first, newest first; both tests use the trigram index.
	const exactRows = await db
		.select(columns)
		.from(paragraphs)
		.innerJoin(resolutions, eq(resolutions.id, paragraphs.resolutionId))
		.where(contains)
		.orderBy(desc(resolutions.adopted), paragraphs.position)
		.limit(wanted);
	// Only a phrase found nowhere as typed is looked for by likeness (a variant spelling, a word changed):
	// scoring similarity across every paragraph is the costly part, and exact hits answer the question.
	const nearRows =
		exactRows.length === 0
			? await db
					.select({ ...columns, score })
					.from(paragraphs)
					.innerJoin(resolutions, eq(resolutions.id, paragraphs.resolutionId))
					// `<%` holds at pg_trgm's word similarity threshold (0.6).
					.where(sql`${q} <% ${paragraphs.normalised} and not ${contains}`)
					.orderBy(desc(score), desc(resolutions.adopted), paragraphs.position)
					.limit(wanted - exactRows.length)
			: [];
	const rows = [
		...exactRows.map((r) => ({ ...r, exact: true, score: 1 })),
		...nearRows.map((r) => ({
			...r,
			exact: false,
			score: Math.round(Number(r.score) * 1000) / 1000,
		})),
	];
	const first = await firstAppearances(
		db,
		rows.map((r) => r.paragraph.id),
	);
	return rows.map((r) => ({
		symbol: r.symbol,
		date: r.date,
		paragraph: toParagraph(r.paragraph),
		score: r.score,
		exact: r.exact,
		firstAppeared: first.get(r.paragraph.id) ?? null,
	}));
}
