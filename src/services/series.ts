/** Verbs about series: list them, one with its members, its lineage, a member's new language. */
import { NotFoundError } from "../core/errors.ts";
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

/** The lineage of a series, or of a window of its members (`from`, `to` in any form of symbol). */
export async function getLineage(
	ctx: ServiceContext,
	seriesId: string,
	window: { readonly from?: string | undefined; readonly to?: string | undefined } = {},
): Promise<Lineage> {
	await getSeries(ctx, seriesId);
	return readLineage(ctx.db, seriesId, {
		from: window.from ? normaliseSymbol(window.from) : undefined,
		to: window.to ? normaliseSymbol(window.to) : undefined,
	});
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
