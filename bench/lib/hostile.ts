/**
 * Hostile inputs for the speed benchmark, each built to sit just inside or
 * just outside a stated limit: one paragraph of nearly 2 MB (the parser's
 * byte limit) and 20,000 paragraphs (twice the parser's paragraph limit).
 * Every case is run in a child process with a time bound, so a case that
 * hangs is reported as such instead of hanging the benchmark.
 */
import { compare } from "../../src/core/diff/index.ts";
import { ResdiffError } from "../../src/core/errors.ts";
import type { Paragraph, Resolution } from "../../src/core/model.ts";
import { MAX_TEXT_BYTES, parseResolution } from "../../src/core/parse/index.ts";
import { createRng } from "./prng.ts";
import { contentWord } from "./vocabulary.ts";

const HEADER = "\tSynthetic hostile input (not an official text)\n\tThe Human Rights Council,\n";

/** A text of one operative paragraph of random unrelated words, `bytes` long in all. */
function bigParagraphText(bytes: number, seed: number): string {
	const rng = createRng(seed);
	const head = `${HEADER}\t1.\tDecides that `;
	const words: string[] = [];
	let size = head.length + 2;
	while (size < bytes) {
		const w = contentWord(rng);
		words.push(w);
		size += w.length + 1;
	}
	words.pop();
	return `${head}${words.join(" ")};\n`;
}

/** The same text with a few words changed, far apart: what a real edit of a long paragraph is. */
function editedCopy(text: string, seed: number): string {
	const rng = createRng(seed);
	const parts = text.split(" ");
	for (let k = 0; k < 3; k++) {
		const i = rng.int(10, parts.length - 2);
		if (/^\p{L}+$/u.test(parts[i] ?? "")) parts[i] = "lighthouse";
	}
	return parts.join(" ");
}

/** `n` short operative paragraphs, as text (for the parser) or as a Resolution (for compare directly). */
function manyParagraphs(n: number, seed: number): Paragraph[] {
	const rng = createRng(seed);
	return Array.from({ length: n }, (_, i) => ({
		ref: `OP${i + 1}`,
		kind: "operative" as const,
		number: i + 1,
		label: null,
		lead: "Notes",
		lemma: "note",
		body: `the ${contentWord(rng)} ${contentWord(rng)} ${contentWord(rng)} number ${i + 1};`,
		subparagraphs: [],
		footnotes: [],
	}));
}

function resolutionOf(paragraphs: Paragraph[], title: string): Resolution {
	return {
		symbol: null,
		number: null,
		title,
		session: null,
		organ: "Human Rights Council",
		adoption: { date: null, vote: null, meeting: null, note: null },
		paragraphs,
		notes: [],
		warnings: [],
	};
}

export interface CaseResult {
	readonly outcome: string;
	/** Time of the step the case is about (compare, or the parse that refuses). */
	readonly ms: number;
	readonly detail: string;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
	const start = performance.now();
	const value = fn();
	return { value, ms: performance.now() - start };
}

function summarise(diff: ReturnType<typeof compare>): string {
	const s = diff.summary;
	const segments = diff.changes.reduce((n, c) => n + c.segments.length, 0);
	return `${diff.changes.length} changes (unchanged ${s.unchanged}, reworded ${s.reworded}, new ${s.new}, removed ${s.removed}), ${segments} redline segments`;
}

function failure(e: unknown, ms: number): CaseResult {
	const named =
		e instanceof ResdiffError ? `${e.name}${"code" in e ? ` '${String(e.code)}'` : ""}` : "crash";
	const message = e instanceof Error ? e.message : String(e);
	return { outcome: named, ms, detail: message };
}

/** One operative paragraph holding the whole of a text, as the parser would read it (no footnotes). */
function bigResolution(text: string, title: string): Resolution {
	const body = text.slice(text.indexOf("Decides that ") + "Decides ".length).trim();
	return resolutionOf(
		[
			{
				ref: "OP1",
				kind: "operative",
				number: 1,
				label: null,
				lead: "Decides",
				lemma: "decide",
				body,
				subparagraphs: [],
				footnotes: [],
			},
		],
		title,
	);
}

const BIG = MAX_TEXT_BYTES - 4096;

/** Runs one case in this process; the parent runs each in a child with a time bound. */
export function runCase(name: string): CaseResult {
	const started = performance.now();
	try {
		switch (name) {
			case "big-paragraph-parse": {
				const text = bigParagraphText(BIG, 1);
				const parsed = timed(() => parseResolution(text));
				return {
					outcome: "result",
					ms: parsed.ms,
					detail: `${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB; ${parsed.value.paragraphs.length} paragraph of ${parsed.value.paragraphs[0]?.body.length} characters`,
				};
			}
			case "big-paragraph-edited":
			case "big-paragraph-rewritten": {
				// Built directly, not parsed: this case is about compare(), whatever the parser does.
				const oldText = bigParagraphText(BIG, 1);
				const newText =
					name === "big-paragraph-edited" ? editedCopy(oldText, 2) : bigParagraphText(BIG, 3);
				const a = bigResolution(oldText, "Synthetic 2 MB paragraph (not an official text)");
				const b = bigResolution(
					newText,
					"Synthetic 2 MB paragraph, other version (not an official text)",
				);
				const diff = timed(() => compare(a, b));
				return {
					outcome: "result",
					ms: diff.ms,
					detail: `${(Buffer.byteLength(oldText) / 1048576).toFixed(2)} MB each; ${summarise(diff.value)}`,
				};
			}
			case "many-paragraphs-parse":
			case "many-paragraphs-parse-mixed": {
				// Mixed: 12,000 preambular then 8,000 operative, so no number needs five digits.
				const preambular = name === "many-paragraphs-parse-mixed" ? 12_000 : 0;
				const paragraphs = manyParagraphs(20_000 - preambular, 4);
				const pre = Array.from(
					{ length: preambular },
					(_, i) => `	Noting the tidal almanac number ${i + 1},`,
				);
				const ops = paragraphs.map((p) => `\t${p.number}.\t${p.lead} ${p.body}`);
				const text = `${HEADER}${[...pre, ...ops].join("\n")}\n`;
				const bytes = Buffer.byteLength(text);
				const parsed = timed(() => parseResolution(text));
				const r = parsed.value;
				return {
					outcome: "result",
					ms: parsed.ms,
					detail: `${(bytes / 1048576).toFixed(2)} MB read as ${r.paragraphs.length} paragraphs (the longest ${Math.max(...r.paragraphs.map((p) => p.body.length))} characters), ${r.warnings.length} warnings`,
				};
			}
			case "many-paragraphs-compare": {
				const a = resolutionOf(
					manyParagraphs(20_000, 5),
					"Synthetic 20,000 paragraphs (not an official text)",
				);
				const b = resolutionOf(
					manyParagraphs(20_000, 6),
					"Synthetic 20,000 paragraphs, edited (not an official text)",
				);
				const diff = timed(() => compare(a, b));
				return { outcome: "result", ms: diff.ms, detail: summarise(diff.value) };
			}
			default:
				return { outcome: "unknown case", ms: 0, detail: name };
		}
	} catch (e) {
		return failure(e, performance.now() - started);
	}
}

export const CASES: readonly { name: string; what: string }[] = [
	{ name: "big-paragraph-parse", what: "parse: one ~2 MB paragraph" },
	{ name: "big-paragraph-edited", what: "compare: ~2 MB paragraph vs a copy with 3 words changed" },
	{ name: "big-paragraph-rewritten", what: "compare: ~2 MB paragraph vs an unrelated ~2 MB one" },
	{ name: "many-paragraphs-parse", what: "parse: 20,000 numbered operative paragraphs" },
	{ name: "many-paragraphs-parse-mixed", what: "parse: 12,000 preambular + 8,000 operative" },
	{ name: "many-paragraphs-compare", what: "compare: 20,000 paragraphs each side, built directly" },
];
