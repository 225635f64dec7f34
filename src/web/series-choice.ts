/** Which series a page shows: the one asked for with `?series=`, else the first corpus's. */
import type { ServiceContext } from "../services/context.ts";
import { getSeries, listSeries } from "../services/series.ts";

/** The series the pages open on: the Human Rights Council's Mali resolutions. */
export const DEFAULT_SERIES = "mali-hrc";

export type SeriesView = Awaited<ReturnType<typeof listSeries>>[number];
export type SeriesMember = SeriesView["members"][number];

/**
 * The series asked for (a 404 naming the known ones when it does not exist),
 * else the default one, else the first stored; null when there is none.
 */
export async function chooseSeries(
	ctx: ServiceContext,
	requested: string | undefined,
): Promise<{ chosen: SeriesView | null; all: SeriesView[] }> {
	const all = await listSeries(ctx);
	if (requested) return { chosen: await getSeries(ctx, requested), all };
	const chosen = all.find((s) => s.id === DEFAULT_SERIES) ?? all[0] ?? null;
	return { chosen, all };
}
