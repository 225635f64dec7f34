/**
 * The corpus manifest (`corpus/manifest.json`): every member of every series
 * the project knows, whether or not its text is present yet.
 */
import { z } from "zod";

export const ManifestMember = z.object({
	symbol: z.string(),
	number: z.string(),
	title: z.string(),
	session: z.number().int(),
	/** ISO date of adoption. */
	adopted: z.string(),
	vote: z.string(),
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
