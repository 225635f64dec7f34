/**
 * Completing the corpus: for each member of a series whose text is not in
 * the corpus folder, a file the user put there by hand is checked and
 * recorded, or else the official English text is downloaded from the UN
 * Official Document System, DOCX first and PDF when there is no DOCX. What
 * comes back is judged by its bytes (the service answers an unknown symbol
 * with an HTML page and status 200), read to make sure it is that
 * resolution, written atomically under the member's file name, and recorded
 * with its sha256 in the manifest. One request at a time, with a pause
 * between requests. Where the service holds no English official text (it
 * answers 404 or a web page, or sends another language's text or a
 * placeholder), the member is reported `unavailable` and the others go on. An `afterSave` hook lets the caller import each saved
 * text (the database import plugs in there).
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { NotFoundError, ParseError, ResdiffError } from "../core/errors.ts";
import type { ManifestMember } from "../core/manifest.ts";
import { paragraphText, type Resolution } from "../core/model.ts";
import { parseSymbol } from "../core/symbol.ts";
import { writeFileAtomic } from "./atomic.ts";
import { allMembers, findSeries, loadManifest, readResolutionFile } from "./corpus.ts";
import { type DocumentFormat, extensionFor, formatFromContentType, sniffFormat } from "./detect.ts";
import { judgeLanguage } from "./language.ts";
import { recordMemberFile } from "./manifest-file.ts";
import { type DocumentType, documentUrl, download, sleep } from "./ods.ts";
import { readDocument } from "./read.ts";

export interface FetchRequest {
	/** Symbols in any usual form; empty for every member of the series (or of all series). */
	readonly symbols?: readonly string[];
	readonly series?: string;
}

/** A text that landed in the corpus folder, for the caller's import. */
export interface SavedText {
	readonly symbol: string;
	readonly file: string;
	readonly path: string;
	readonly sha256: string;
	readonly resolution: Resolution;
}

export type FetchEvent =
	| { readonly type: "start"; readonly members: readonly string[] }
	| {
			readonly type: "member";
			readonly index: number;
			readonly symbol: string;
			readonly phase: "checking" | "downloading" | "retrying" | "reading";
			readonly detail?: string;
	  }
	| {
			readonly type: "bytes";
			readonly index: number;
			readonly received: number;
			readonly total: number | null;
	  }
	| { readonly type: "done"; readonly index: number; readonly outcome: MemberOutcome };

export type MemberOutcome = {
	readonly symbol: string;
	readonly number: string;
} & (
	| { readonly status: "present"; readonly file: string }
	| {
			readonly status: "saved" | "recorded";
			readonly file: string;
			readonly sha256: string;
			readonly bytes: number;
			readonly url: string | null;
			/** Why the caller's import failed, when it did; the file stays. */
			readonly importError: string | null;
	  }
	| {
			/** No English official text: `message` says why, and the member is skipped. */
			readonly status: "unavailable" | "failed" | "skipped";
			readonly message: string;
	  }
);

export interface FetchReport {
	readonly outcomes: readonly MemberOutcome[];
	/** Set when the service could not be reached; the members after that were skipped. */
	readonly unreachable: { readonly url: string; readonly reason: string } | null;
}

export interface FetchOptions {
	readonly corpusDir: string;
	/** The service's base address (RESDIFF_ODS_URL). */
	readonly baseUrl: string;
	/** Pause between two requests, in milliseconds. */
	readonly pauseMs?: number;
	readonly timeoutMs?: number;
	readonly retries?: number;
	readonly backoffMs?: number;
	readonly afterSave?: (saved: SavedText) => Promise<void> | void;
	readonly onEvent?: (event: FetchEvent) => void;
	/** Waits; tests may pass one that does not. */
	readonly sleep?: (ms: number) => Promise<void>;
	/** Ends one download attempt (see DownloadOptions); tests pass one they fire themselves. */
	readonly attemptSignal?: (timeoutMs: number) => AbortSignal;
}

/** The pace and patience used when the caller sets none: gentle on a public service. */
export const FETCH_DEFAULTS = { pauseMs: 2_000, timeoutMs: 60_000, retries: 3, backoffMs: 2_000 };

/** Extensions tried, in order, for a file the user put in the corpus folder by hand. */
const HAND_EXTENSIONS = ["docx", "pdf", "txt", "html", "htm"];

async function exists(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

/** The members to look at, in manifest order, refusing symbols the manifest does not list. */
async function selectMembers(corpusDir: string, request: FetchRequest): Promise<ManifestMember[]> {
	const manifest = await loadManifest(corpusDir);
	const pool = request.series
		? findSeries(manifest, request.series).members
		: allMembers(manifest).map((m) => m.member);
	if (!request.symbols || request.symbols.length === 0) return pool;
	return request.symbols.map((s) => {
		const symbol = parseSymbol(s)?.symbol ?? s;
		const member = pool.find((m) => m.symbol === symbol);
		if (!member) {
			const known = pool.map((m) => m.number);
			throw new NotFoundError(
				"member",
				symbol,
				`${s} is not a member listed in the manifest${request.series ? ` for series ${request.series}` : ""}; known: ${known.join(", ")}`,
				known,
			);
		}
		return member;
	});
}

function describeError(e: unknown): string {
	if (e instanceof ResdiffError) {
		return "describe" in e && typeof e.describe === "function" ? e.describe() : e.message;
	}
	return e instanceof Error ? e.message : String(e);
}

/** Parse failures that mean the document holds no resolution text at all: a placeholder. */
const PLACEHOLDER_CODES = new Set(["empty", "no-paragraphs", "no-operative"]);

/** A resolution's own words, for judging their language. */
function wordsOf(resolution: Resolution): string {
	return resolution.paragraphs.map(paragraphText).join(" ");
}

/** What a downloaded body is, from its bytes, with the content type as a second opinion. */
function judge(bytes: Uint8Array, contentType: string | null): DocumentFormat {
	const sniffed = sniffFormat(bytes);
	if (sniffed === "text" && formatFromContentType(contentType) === "html") return "html";
	return sniffed;
}

/**
 * Fetches the members that are missing from the corpus folder.
 *
 * @throws NotFoundError for a symbol or series the manifest does not list; ConfigError for a bad manifest.
 * @example
 * const report = await fetchMissing({ series: "mali-hrc" }, { corpusDir: "corpus", baseUrl: "https://documents.un.org" });
 */
export async function fetchMissing(
	request: FetchRequest,
	options: FetchOptions,
): Promise<FetchReport> {
	const wait = options.sleep ?? sleep;
	const pace = { ...FETCH_DEFAULTS, ...definedOnly(options) };
	const members = await selectMembers(options.corpusDir, request);
	const emit = options.onEvent ?? (() => undefined);
	emit({ type: "start", members: members.map((m) => m.symbol) });

	const outcomes: MemberOutcome[] = [];
	let unreachable: FetchReport["unreachable"] = null;
	let requests = 0;

	const save = async (
		member: ManifestMember,
		file: string,
		bytes: Uint8Array,
		resolution: Resolution,
		write: boolean,
	) => {
		const path = join(options.corpusDir, file);
		if (write) await writeFileAtomic(path, bytes);
		const sha256 = createHash("sha256").update(bytes).digest("hex");
		await recordMemberFile(options.corpusDir, member.symbol, file, sha256);
		let importError: string | null = null;
		try {
			await options.afterSave?.({ symbol: member.symbol, file, path, sha256, resolution });
		} catch (e) {
			importError = describeError(e);
		}
		return { sha256, importError };
	};

	for (const [index, member] of members.entries()) {
		const base = { symbol: member.symbol, number: member.number };
		const done = (outcome: MemberOutcome) => {
			outcomes.push(outcome);
			emit({ type: "done", index, outcome });
		};
		emit({ type: "member", index, symbol: member.symbol, phase: "checking" });
		if (member.file && (await exists(join(options.corpusDir, member.file)))) {
			done({ ...base, status: "present", file: member.file });
			continue;
		}

		// A file put in the folder by hand, under the member's name, is checked and recorded.
		const fileBase = parseSymbol(member.symbol)?.fileBase ?? member.symbol.replaceAll("/", "-");
		let handled = false;
		for (const ext of HAND_EXTENSIONS) {
			const file = `${fileBase}.${ext}`;
			const path = join(options.corpusDir, file);
			if (!(await exists(path))) continue;
			handled = true;
			try {
				const read = await readResolutionFile(path, member.symbol);
				const bytes = await readFile(path);
				const { sha256, importError } = await save(member, file, bytes, read.resolution, false);
				done({
					...base,
					status: "recorded",
					file,
					sha256,
					bytes: bytes.length,
					url: null,
					importError,
				});
			} catch (e) {
				done({
					...base,
					status: "failed",
					message: `${file} is in the corpus folder but cannot be read: ${describeError(e)}; fix or remove it`,
				});
			}
			break;
		}
		if (handled) continue;
		if (unreachable) {
			done({
				...base,
				status: "skipped",
				message: "not tried: the document service cannot be reached",
			});
			continue;
		}

		const problems: string[] = [];
		let saved = false;
		// Answers that say there is no English text: one per document type tried.
		let unavailable = 0;
		for (const type of ["docx", "pdf"] as DocumentType[]) {
			const url = documentUrl(options.baseUrl, member.symbol, type);
			if (requests > 0) await wait(pace.pauseMs);
			requests++;
			emit({ type: "member", index, symbol: member.symbol, phase: "downloading", detail: type });
			const got = await download(url, {
				timeoutMs: pace.timeoutMs,
				...(options.attemptSignal ? { attemptSignal: options.attemptSignal } : {}),
				retries: pace.retries,
				backoffMs: Math.max(pace.backoffMs, pace.pauseMs),
				sleep: wait,
				onRetry: (reason, waitMs, attempt) =>
					emit({
						type: "member",
						index,
						symbol: member.symbol,
						phase: "retrying",
						detail: `${reason}; retry ${attempt} in ${Math.round(waitMs / 100) / 10} s`,
					}),
				onBytes: (received, total) => emit({ type: "bytes", index, received, total }),
			});
			if (got.kind === "unreachable") {
				unreachable = { url: got.url, reason: got.reason };
				break;
			}
			if (got.kind === "not-found") {
				unavailable++;
				problems.push(`${type.toUpperCase()}: status ${got.status}`);
				continue;
			}
			if (got.kind === "failed") {
				problems.push(`${type}: ${got.reason}`);
				continue;
			}
			const format = judge(got.bytes, got.contentType);
			if (format === "html") {
				unavailable++;
				problems.push(`${type.toUpperCase()}: a web page, not a document`);
				continue;
			}
			if (format !== "zip" && format !== "pdf") {
				problems.push(
					format === "doc"
						? `${type}: the service sent a Word 97-2003 .doc file, which resdiff does not read`
						: `${type}: the service sent a ${format} file, not a DOCX or PDF`,
				);
				continue;
			}
			const file = `${fileBase}.${extensionFor(format)}`;
			emit({ type: "member", index, symbol: member.symbol, phase: "reading", detail: file });
			let resolution: Resolution;
			try {
				({ resolution } = await readDocument(got.bytes, { name: file, symbol: member.symbol }));
			} catch (e) {
				if (e instanceof ParseError && PLACEHOLDER_CODES.has(e.code)) {
					unavailable++;
					problems.push(`${type.toUpperCase()}: a placeholder without a resolution's text`);
				} else {
					problems.push(
						`${type}: the downloaded file is not a readable resolution (${describeError(e)})`,
					);
				}
				continue;
			}
			const language = judgeLanguage(wordsOf(resolution));
			if (!language.english) {
				unavailable++;
				problems.push(
					`${type.toUpperCase()}: a text in ${language.language ?? "another language"}, not English`,
				);
				continue;
			}
			if (resolution.symbol !== member.symbol) {
				problems.push(
					`${type}: the service sent ${resolution.symbol ?? "a text without a symbol"}, not ${member.symbol}`,
				);
				continue;
			}
			saved = true;
			try {
				const { sha256, importError } = await save(member, file, got.bytes, resolution, true);
				done({
					...base,
					status: "saved",
					file,
					sha256,
					bytes: got.bytes.length,
					url: got.url,
					importError,
				});
			} catch (e) {
				// The folder or the manifest could not be written (permissions, a full disk): said, not thrown.
				done({
					...base,
					status: "failed",
					message: `could not save ${file} in ${options.corpusDir}: ${describeError(e)}`,
				});
			}
			break;
		}
		if (saved) continue;
		if (unreachable) {
			done({ ...base, status: "skipped", message: "the document service cannot be reached" });
		} else if (unavailable === problems.length) {
			done({
				...base,
				status: "unavailable",
				message: `no English official text is available from ${serviceName(options.baseUrl)} (${problems.join("; ")}); skipped`,
			});
		} else {
			done({ ...base, status: "failed", message: problems.join("; ") });
		}
	}
	return { outcomes, unreachable };
}

/** The document service as a user knows it: the UN's by name, a stand-in or mirror by its address. */
function serviceName(baseUrl: string): string {
	return /^https:\/\/documents\.un\.org\/?$/.test(baseUrl)
		? "the UN Official Document System"
		: `the document service at ${baseUrl}`;
}

function definedOnly(options: FetchOptions): Partial<typeof FETCH_DEFAULTS> {
	const out: Partial<typeof FETCH_DEFAULTS> = {};
	for (const key of Object.keys(FETCH_DEFAULTS) as (keyof typeof FETCH_DEFAULTS)[]) {
		const v = options[key];
		if (typeof v === "number") out[key] = v;
	}
	return out;
}

/**
 * What to tell a user the fetch could not help: the members still missing,
 * where each can be downloaded, and how to add a file by hand.
 */
export function handAdvice(report: FetchReport, corpusDir: string, baseUrl: string): string {
	const missing = report.outcomes.filter((o) => o.status === "skipped" || o.status === "failed");
	if (missing.length === 0) return "";
	const lines = [
		`Still missing: ${missing.map((o) => o.number).join(", ")}.`,
		"To add a text by hand, download it in a browser, for example:",
		...missing.map((o) => `  ${o.number}  ${documentUrl(baseUrl, o.symbol, "docx")}`),
		`and save it in ${corpusDir} under the member's symbol, e.g. ${parseSymbol(missing[0]?.symbol ?? "")?.fileBase ?? "A-HRC-RES-20-17"}.docx (a .pdf or a .txt copy works too).`,
		"Then run `resdiff fetch` again: files found there are checked and recorded in the manifest without downloading.",
	];
	return `${lines.join("\n")}\n`;
}
