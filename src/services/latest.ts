/**
 * "This year against last year": the comparison users open resdiff for
 * first. The latest stored member of a series against the stored member
 * before it, with its counts, or what to fetch when there is no pair yet.
 */
import type { DiffSummary, StructuredDiff } from "../core/diff/index.ts";
import { latestPair } from "../core/series/latest.ts";
import type { SeriesMember } from "../db/queries/series.ts";
import type { ServiceContext } from "./context.ts";
import { getDiff } from "./resolutions.ts";
import { getSeries } from "./series.ts";

export interface LatestChange {
	readonly seriesId: string;
	/** The latest stored member, or null when the series has none stored. */
	readonly latest: SeriesMember | null;
	/** The stored member before it; null when only one is stored. */
	readonly previous: SeriesMember | null;
	/** Listed members between the two that are not stored. */
	readonly skipped: readonly SeriesMember[];
	/** Listed members after the latest stored one that are not stored yet. */
	readonly newer: readonly SeriesMember[];
	/** The member to fetch for a first pair, when there is none. */
	readonly toFetch: SeriesMember | null;
	/** The comparison of the two; null without a pair. */
	readonly diff: StructuredDiff | null;
}

/** Paragraph outcomes that are changes: everything but `unchanged` (moved ones are counted apart). */
export function changeCount(summary: DiffSummary): number {
	return summary.reworded + summary.new + summary.removed + summary.merged + summary.split;
}

/**
 * @throws NotFoundError for an unknown series.
 * @example
 * const { latest, previous, diff } = await getLatestChange(ctx, "mali-hrc");
 * `${latest?.number} against ${previous?.number}: ${diff ? changeCount(diff.summary) : 0} changes`
 */
export async function getLatestChange(
	ctx: ServiceContext,
	seriesId: string,
): Promise<LatestChange> {
	const series = await getSeries(ctx, seriesId);
	const pair = latestPair(series.members);
	const diff =
		pair.latest && pair.previous
			? (await getDiff(ctx, pair.previous.symbol, pair.latest.symbol)).diff
			: null;
	return { seriesId, ...pair, diff };
}
