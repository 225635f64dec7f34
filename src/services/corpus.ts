/**
 * The corpus folder into storage: the manifest's series, and every text the
 * folder holds, skipping those already stored with the same content.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
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

export async function importCorpus(
	ctx: ServiceContext,
	corpusDir: string,
	onProgress?: (done: number, total: number, name: string) => void,
): Promise<ImportReport[]> {
	const manifest = await loadManifest(corpusDir);
	const stored = new Map(
		(
			await ctx.db
				.select({ symbol: resolutions.symbol, sha256: resolutions.sha256 })
				.from(resolutions)
		).map((r) => [r.symbol, r.sha256]),
	);
	const members = allMembers(manifest).flatMap(({ member }) => (member.file ? [member] : []));
	// A file whose bytes are already stored need not even be parsed.
	const changed: typeof members = [];
	for (const m of members) {
		const file = m.file ?? "";
		const bytes = await readFile(join(corpusDir, file)).catch(() => null);
		const sha = bytes ? createHash("sha256").update(bytes).digest("hex") : null;
		if (!sha || stored.get(m.symbol) !== sha) changed.push(m);
	}
	const byFile = new Map(changed.map((m) => [m.file ?? "", m]));
	return importMany(
		ctx,
		[...byFile.keys()],
		async (file) => {
			const member = byFile.get(file);
			const read = await readResolutionFile(
				join(corpusDir, file),
				member?.symbol ?? parseSymbol(file)?.symbol,
			);
			return toImportSource(read, member?.address ?? null);
		},
		{ manifest, ...(onProgress ? { onProgress } : {}) },
	);
}
