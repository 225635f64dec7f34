/** Verbs about series: list them, one with its members, its lineage, a member's new language. */
import { InvalidInputError, NotFoundError } from "../core/errors.ts";
import type { Lineage, NewLanguage } from "../core/lineage/index.ts";
import { readLineage, readNewLanguage } from "../db/queries/lineage.ts";
import { findResolutionRow } from "../db/queries/resolutions.ts";
import {
	listSeries as readAllSeries,
	getSeries as readSeries,
	type SeriesView,
} from "../db/queries/series.ts";
import type { ServiceContext } from "./context.ts";
import { normaliseSymbol } from "./resolutions.ts";

export function listSeries(ctx: ServiceContext): Promise<SeriesView[]> {
	return readAllSeries(ctx.db);
}

export async function getSeries(ctx: ServiceContext, id: string): Promise<SeriesView> {
	const found = await readSeries(ctx.db, id);
	if (!found) {
		const known = (await readAllSeries(ctx.db)).map((s) => s.id);
		throw new NotFoundError(
			"series",
			id,
			`unknown series "${id}"; known: ${known.join(", ") || "none"}`,
			known,
		);
	}
	return found;
}

/** Clauses on one page of a lineage, unless asked otherwise: a screenful of rows that stays light. */
export const LINEAGE_PAGE_SIZE = 200;
/** The most clauses one page may hold. */
export const MAX_LINEAGE_PAGE_SIZE = 1000;

/**
 * The lineage of a series, or of a window of its members (`from`, `to` in
 * any form of symbol); with `page`, one page of its clauses in reading order
 * (`size` defaults to LINEAGE_PAGE_SIZE, at most MAX_LINEAGE_PAGE_SIZE).
 *
 * @throws NotFoundError for an unknown series or member, or a page past the last; InvalidInputError for a bad page.
 */
export async function getLineage(
	ctx: ServiceContext,
	seriesId: string,
	window: { readonly from?: string | undefined; readonly to?: string | undefined } = {},
	page?: { readonly number?: number | undefined; readonly size?: number | undefined },
): Promise<Lineage> {
	await getSeries(ctx, seriesId);
	const paging = page ? checkedPage(page) : undefined;
	return readLineage(
		ctx.db,
		seriesId,
		{
			from: window.from ? normaliseSymbol(window.from) : undefined,
			to: window.to ? normaliseSymbol(window.to) : undefined,
		},
		paging,
	);
}

function checkedPage(page: {
	readonly number?: number | undefined;
	readonly size?: number | undefined;
}) {
	const number = page.number ?? 1;
	const size = page.size ?? LINEAGE_PAGE_SIZE;
	if (!Number.isInteger(number) || number < 1)
		throw new InvalidInputError(`page must be a whole number from 1, not ${page.number}`);
	if (!Number.isInteger(size) || size < 1 || size > MAX_LINEAGE_PAGE_SIZE)
		throw new InvalidInputError(
			`pageSize must be a whole number from 1 to ${MAX_LINEAGE_PAGE_SIZE}, not ${page.size}`,
		);
	return { number, size };
}

export async function getNewLanguage(
	ctx: ServiceContext,
	seriesId: string,
	memberInput: string,
	kind?: "preambular" | "operative",
): Promise<NewLanguage> {
	const series = await getSeries(ctx, seriesId);
	const symbol = normaliseSymbol(memberInput);
	const row = await findResolutionRow(ctx.db, symbol);
	if (!row || row.seriesId !== seriesId) {
		const known = series.members.filter((m) => m.present).map((m) => m.symbol);
		throw new NotFoundError(
			"member",
			symbol,
			`${symbol} is not a stored member of ${seriesId}; stored members: ${known.join(", ") || "none"}`,
			known,
		);
	}
	const found = await readNewLanguage(ctx.db, seriesId, row.id);
	return {
		member: { symbol: row.symbol, title: row.title, date: row.adopted },
		preambular: kind === "operative" ? [] : found.preambular,
		operative: kind === "preambular" ? [] : found.operative,
	};
}
