/**
 * The corpus folder on disk: its manifest, and finding a resolution by symbol
 * or by path. Everything that reads texts from files goes through here; the
 * bytes are read by ./read.ts, whatever their format.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { ConfigError, NotFoundError, ParseError } from "../core/errors.ts";
import { Manifest, type ManifestMember, type ManifestSeries } from "../core/manifest.ts";
import type { Resolution } from "../core/model.ts";
import { parseSymbol } from "../core/symbol.ts";
import { MAX_DOCUMENT_BYTES, megabytes } from "./limits.ts";
import { readDocument } from "./read.ts";

export const MANIFEST_FILE = "manifest.json";

/** A resolution read from a file, with what the store keeps about its source. */
export interface SourcedResolution {
	readonly resolution: Resolution;
	readonly source: { readonly name: string; readonly path: string; readonly sha256: string };
}

/** Reads and checks `manifest.json` in the corpus folder. */
export async function loadManifest(corpusDir: string): Promise<Manifest> {
	const path = join(corpusDir, MANIFEST_FILE);
	let raw: string;
	try {
		raw = await readFile(path, "utf8");
	} catch {
		throw new ConfigError(
			`no corpus manifest at ${path} (set RESDIFF_CORPUS to the corpus folder)`,
		);
	}
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch (e) {
		throw new ConfigError(`${path} is not valid JSON: ${(e as Error).message}`);
	}
	const parsed = Manifest.safeParse(json);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		throw new ConfigError(`${path}: ${first?.path.join(".")}: ${first?.message}`);
	}
	return parsed.data;
}

/** Every member of every series, with the series it belongs to. */
export function allMembers(
	manifest: Manifest,
): { series: ManifestSeries; member: ManifestMember }[] {
	return manifest.series.flatMap((series) => series.members.map((member) => ({ series, member })));
}

/** The series with this id, or a not-found error that names the known ones. */
export function findSeries(manifest: Manifest, id: string): ManifestSeries {
	const series = manifest.series.find((s) => s.id === id);
	if (!series) {
		const known = manifest.series.map((s) => s.id);
		throw new NotFoundError(
			"series",
			id,
			`unknown series "${id}"; known: ${known.join(", ")}`,
			known,
		);
	}
	return series;
}

/** The symbol a corpus file's name gives (`A-HRC-RES-20-17.docx`), if any. */
function symbolFromName(path: string): string | undefined {
	return parseSymbol(basename(path).replace(/\.(?:txt|docx|pdf|html?)$/i, ""))?.symbol;
}

/**
 * Reads a document file (DOCX, PDF, HTML or text, told apart by its first
 * bytes) as a resolution, refusing what is missing, too large, binary or in
 * a format resdiff does not read with an error that names the file.
 */
export async function readResolutionFile(
	path: string,
	symbol?: string,
): Promise<SourcedResolution> {
	let size: number;
	try {
		const info = await stat(path);
		if (!info.isFile()) throw new NotFoundError("file", path, `${path} is not a file`);
		size = info.size;
	} catch (e) {
		if (e instanceof NotFoundError) throw e;
		throw new NotFoundError("file", path, `no such file: ${path}`);
	}
	// The largest any reader accepts; readDocument holds each format to its own limit.
	if (size > MAX_DOCUMENT_BYTES) {
		throw new ParseError(
			"too-large",
			`file is ${size} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes (${megabytes(MAX_DOCUMENT_BYTES)})`,
			null,
			path,
		);
	}
	const bytes = await readFile(path);
	const { resolution } = await readDocument(bytes, {
		name: path,
		symbol: symbol ?? symbolFromName(path),
	});
	const sha256 = createHash("sha256").update(bytes).digest("hex");
	return { resolution, source: { name: basename(path), path, sha256 } };
}

/**
 * Finds what the user named: a symbol ("37/39", "A/HRC/RES/37/39") in the
 * corpus, or else a file path.
 */
export async function readSource(arg: string, corpusDir: string): Promise<SourcedResolution> {
	const parts = parseSymbol(arg);
	if (!parts) return readResolutionFile(arg);
	const manifest = await loadManifest(corpusDir);
	const entry = allMembers(manifest).find(({ member }) => member.symbol === parts.symbol);
	const file = entry?.member.file ?? `${parts.fileBase}.txt`;
	const path = join(corpusDir, file);
	try {
		return await readResolutionFile(path);
	} catch (e) {
		if (!(e instanceof NotFoundError)) throw e;
	}
	const present = allMembers(manifest)
		.filter(({ member }) => member.file)
		.map(({ member }) => member.number);
	const missing = allMembers(manifest)
		.filter(({ member }) => !member.file)
		.map(({ member }) => member.number);
	const hint = entry
		? `${parts.number} is in the series but its text is not in ${corpusDir} yet (run: resdiff fetch ${parts.number}, or import a file you have)`
		: `unknown symbol ${parts.number}`;
	throw new NotFoundError(
		"resolution",
		parts.symbol,
		`${hint}; texts present: ${present.join(", ") || "none"}${missing.length ? `; listed but missing: ${missing.join(", ")}` : ""}`,
		present,
	);
}

/** The members of a series whose texts are in the corpus folder, in order, and those still missing. */
export async function loadSeries(
	corpusDir: string,
	seriesId: string,
): Promise<{ series: ManifestSeries; members: SourcedResolution[]; missing: ManifestMember[] }> {
	const manifest = await loadManifest(corpusDir);
	const series = findSeries(manifest, seriesId);
	const members: SourcedResolution[] = [];
	const missing: ManifestMember[] = [];
	for (const member of series.members) {
		if (!member.file) {
			missing.push(member);
			continue;
		}
		members.push(await readResolutionFile(join(corpusDir, member.file), member.symbol));
	}
	return { series, members, missing };
}

/** The series (in the manifest) that lists a symbol, if any. */
export function seriesOf(manifest: Manifest, symbol: string): ManifestSeries | undefined {
	return manifest.series.find((s) => s.members.some((m) => m.symbol === symbol));
}
