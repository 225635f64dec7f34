/** Series as the manifest describes them, with which members are stored. */
import { asc, eq, inArray } from "drizzle-orm";
import type { Manifest, ManifestMember } from "../../core/manifest.ts";
import { resolutions, series } from "../schema/index.ts";
import type { Queryable } from "../types.ts";

/** JSON with object keys sorted: jsonb keeps keys in its own order, so stored members compare by content. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === "object" && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v,
	);
}

/** Writes the manifest's series into storage (new ones added, existing ones updated). */
export async function syncManifest(db: Queryable, manifest: Manifest): Promise<void> {
	if (manifest.series.length === 0) return;
	// Read first and write only what differs: at a start the manifest is usually as stored, and
	// one read costs the service's start a fraction of an upsert per series.
	const stored = new Map(
		(
			await db
				.select({
					id: series.id,
					title: series.title,
					organ: series.organ,
					members: series.members,
				})
				.from(series)
				.where(
					inArray(
						series.id,
						manifest.series.map((s) => s.id),
					),
				)
		).map((r) => [r.id, r]),
	);
	for (const s of manifest.series) {
		const row = stored.get(s.id);
		if (
			row &&
			row.title === s.title &&
			row.organ === s.organ &&
			canonical(row.members) === canonical(s.members)
		)
			continue;
		await db
			.insert(series)
			.values({ id: s.id, title: s.title, organ: s.organ, members: s.members })
			.onConflictDoUpdate({
				target: series.id,
				set: { title: s.title, organ: s.organ, members: s.members },
			});
	}
}

export interface SeriesMember extends ManifestMember {
	/** Whether the text is stored and can be compared. */
	readonly present: boolean;
	readonly importedAt: string | null;
}

export interface SeriesView {
	readonly id: string;
	readonly title: string;
	readonly organ: string;
	readonly members: SeriesMember[];
}

/** Every series, or only the one named: a series' page need not read every other series' members. */
export async function listSeries(db: Queryable, only?: string): Promise<SeriesView[]> {
	const rows = await db
		.select()
		.from(series)
		.where(only === undefined ? undefined : eq(series.id, only))
		.orderBy(asc(series.id));
	const stored = await db
		.select({
			symbol: resolutions.symbol,
			seriesId: resolutions.seriesId,
			importedAt: resolutions.importedAt,
			title: resolutions.title,
			adopted: resolutions.adopted,
		})
		.from(resolutions)
		.where(only === undefined ? undefined : eq(resolutions.seriesId, only));
	return rows.map((s) => {
		const mine = new Map(stored.filter((r) => r.seriesId === s.id).map((r) => [r.symbol, r]));
		return {
			id: s.id,
			title: s.title,
			organ: s.organ,
			members: s.members.map((m) => {
				const r = mine.get(m.symbol);
				// A stored text's own title line wins over the catalogue's.
				return {
					...m,
					title: r?.title ?? m.title,
					// Where the catalogue's date is not confirmed yet, the stored text's adoption block gives it.
					adopted: m.adopted ?? r?.adopted ?? null,
					present: !!r,
					importedAt: r ? r.importedAt.toISOString() : null,
				};
			}),
		};
	});
}

export async function getSeries(db: Queryable, id: string): Promise<SeriesView | undefined> {
	const [found] = await listSeries(db, id);
	return found;
}
