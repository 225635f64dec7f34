/**
 * The corpus manifest (`corpus/manifest.json`): every member of every series
 * the project knows, whether or not its text is present yet.
 *
 * Catalogue facts (title, adoption date, vote) are null where they have not
 * been confirmed from an official source: the manifest records what is known
 * and never a guess. A fetched text's own title and adoption block fill them
 * in storage.
 */
import { z } from "zod";

export const ManifestMember = z.object({
	symbol: z.string(),
	number: z.string(),
	/** As the catalogue records it; null until confirmed from the official text. */
	title: z.string().nullable(),
	session: z.number().int(),
	/** ISO date of adoption; null until confirmed from the official text. */
	adopted: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date (YYYY-MM-DD)")
		.nullable(),
	/** The year of adoption, where it is known but the day is not yet confirmed. */
	year: z.number().int().min(1946).max(2100).optional(),
	/** "without a vote", or the recorded vote as printed; null until confirmed. */
	vote: z.string().nullable(),
	/** The official document address the text can be fetched from. */
	address: z.string().url(),
	/** The text's file name in the corpus folder, null while it is missing. */
	file: z.string().nullable(),
	sha256: z.string().nullable(),
	/** A member that extended the mandate but that later preambles do not list (28/31). */
	omittedFromLaterPreambles: z.boolean().default(false),
	note: z.string().optional(),
});
export type ManifestMember = z.infer<typeof ManifestMember>;

export const ManifestSeries = z.object({
	id: z.string(),
	title: z.string(),
	organ: z.string(),
	/** In order of adoption. */
	members: z.array(ManifestMember).min(1),
});
export type ManifestSeries = z.infer<typeof ManifestSeries>;

export const Manifest = z.object({
	$comment: z.string().optional(),
	series: z.array(ManifestSeries),
});
export type Manifest = z.infer<typeof Manifest>;

/** The year a member was adopted: from its date, else the year the manifest gives, else null. */
export function memberYear(m: Pick<ManifestMember, "adopted" | "year">): number | null {
	if (m.adopted) return Number(m.adopted.slice(0, 4));
	return m.year ?? null;
}

/**
 * The members listed before `symbol`, in the manifest's order (which is the
 * order of adoption, and holds where a date is not yet known); none when
 * the symbol is not listed.
 */
export function membersBefore<M extends Pick<ManifestMember, "symbol">>(
	members: readonly M[],
	symbol: string | null,
): M[] {
	const at = members.findIndex((m) => m.symbol === symbol);
	return at < 0 ? [] : members.slice(0, at);
}
