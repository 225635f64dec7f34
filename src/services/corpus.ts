/**
 * The corpus folder into storage: the manifest's series, and every text the
 * folder holds, skipping those already stored with the same content.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest, ManifestMember } from "../core/manifest.ts";
import { parseSymbol } from "../core/symbol.ts";
import type { ImportSource } from "../db/queries/import.ts";
import { resolutions } from "../db/schema/index.ts";
import {
	allMembers,
	loadManifest,
	readResolutionFile,
	type SourcedResolution,
} from "../ingest/corpus.ts";
import type { ServiceContext } from "./context.ts";
import { type ImportReport, importMany } from "./import.ts";

/** What storage keeps of a file read from disk. */
export function toImportSource(
	read: SourcedResolution,
	address: string | null = null,
): ImportSource {
	return {
		resolution: read.resolution,
		source: { name: read.source.name, address, sha256: read.source.sha256 },
	};
}

/** The corpus folder as read from disk, before any database is open: its manifest and each listed file's hash. */
export interface CorpusFolder {
	readonly dir: string;
	readonly manifest: Manifest;
	/** Members whose file is listed, with the sha256 of its bytes (null when it cannot be read). */
	readonly files: readonly { readonly member: ManifestMember; readonly sha256: string | null }[];
}

/**
 * Reads the manifest and hashes every listed file. Needs no database, so the
 * service does it while the database opens.
 */
export async function readCorpusFolder(corpusDir: string): Promise<CorpusFolder> {
	const manifest = await loadManifest(corpusDir);
	const members = allMembers(manifest).flatMap(({ member }) => (member.file ? [member] : []));
	const files = await Promise.all(
		members.map(async (member) => {
			const bytes = await readFile(join(corpusDir, member.file ?? "")).catch(() => null);
			const sha256 = bytes ? createHash("sha256").update(bytes).digest("hex") : null;
			return { member, sha256 };
		}),
	);
	return { dir: corpusDir, manifest, files };
}

/** Stores the corpus folder: the manifest's series, and each file not already stored with the same bytes. */
export async function importCorpus(
	ctx: ServiceContext,
	corpus: string | CorpusFolder,
	onProgress?: (done: number, total: number, name: string) => void,
): Promise<ImportReport[]> {
	const { dir, manifest, files } =
		typeof corpus === "string" ? await readCorpusFolder(corpus) : corpus;
	const stored = new Map(
		(
			await ctx.db
				.select({ symbol: resolutions.symbol, sha256: resolutions.sha256 })
				.from(resolutions)
		).map((r) => [r.symbol, r.sha256]),
	);
	// A file whose bytes are already stored need not even be parsed.
	const changed = files
		.filter((f) => !f.sha256 || stored.get(f.member.symbol) !== f.sha256)
		.map((f) => f.member);
	const byFile = new Map(changed.map((m) => [m.file ?? "", m]));
	return importMany(
		ctx,
		[...byFile.keys()],
		async (file) => {
			const member = byFile.get(file);
			const read = await readResolutionFile(
				join(dir, file),
				member?.symbol ?? parseSymbol(file)?.symbol,
			);
			return toImportSource(read, member?.address ?? null);
		},
		{ manifest, ...(onProgress ? { onProgress } : {}) },
	);
}
