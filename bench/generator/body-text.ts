/**
 * Word-level surgery on a paragraph body that keeps its footnotes where they
 * belong. A body is edited as a string in which each footnote reference is a
 * private-use sentinel, so that insertions and deletions before a reference
 * carry it along; afterwards the sentinels are taken out again and become the
 * footnotes' offsets.
 */
import type { Footnote } from "../../src/core/model.ts";
import type { Rng } from "../lib/prng.ts";
import { contentWord, contentWords } from "../lib/vocabulary.ts";
import { isRoutineWord } from "./routine.ts";

const OPEN = "\uE000";
/** Footnote k is OPEN followed by the character at SENTINEL_BASE + k: neither is a letter nor a digit. */
const SENTINEL_BASE = 0xe100;
const SENTINEL = /\uE000[\uE100-\uEFFF]/g;

/** A body with its footnote references written in as sentinels. */
export interface MarkedBody {
	readonly text: string;
	readonly footnotes: readonly Footnote[];
}

/** Writes each footnote into the body as a sentinel at its offset. */
export function markBody(body: string, footnotes: readonly Footnote[]): MarkedBody {
	let text = body;
	// From the last offset to the first, so that earlier offsets stay valid.
	const order = footnotes.map((f, i) => ({ f, i })).sort((a, b) => b.f.at - a.f.at || b.i - a.i);
	for (const { f, i } of order) {
		const at = Math.min(f.at, text.length);
		text = `${text.slice(0, at)}${OPEN}${String.fromCharCode(SENTINEL_BASE + i)}${text.slice(at)}`;
	}
	return { text, footnotes };
}

/** Takes the sentinels out again; each footnote's offset becomes where its sentinel stood. */
export function unmarkBody(marked: MarkedBody): { body: string; footnotes: Footnote[] } {
	const found: { index: number; at: number }[] = [];
	let body = "";
	let last = 0;
	for (const m of marked.text.matchAll(SENTINEL)) {
		body += marked.text.slice(last, m.index);
		found.push({ index: (m[0].codePointAt(1) ?? SENTINEL_BASE) - SENTINEL_BASE, at: body.length });
		last = m.index + m[0].length;
	}
	body += marked.text.slice(last);
	const footnotes = found.flatMap(({ index, at }) => {
		const f = marked.footnotes[index];
		return f ? [{ ...f, at }] : [];
	});
	return { body, footnotes };
}

/** Concatenates marked bodies: the second's footnotes come after the first's. */
export function concatMarked(parts: readonly MarkedBody[]): MarkedBody {
	let text = "";
	const footnotes: Footnote[] = [];
	for (const part of parts) {
		const shift = footnotes.length;
		text += part.text.replace(SENTINEL, (s) =>
			String.fromCharCode(OPEN.charCodeAt(0), (s.codePointAt(1) ?? SENTINEL_BASE) + shift),
		);
		footnotes.push(...part.footnotes);
	}
	return { text, footnotes };
}

/** Replaces the text, keeping the footnotes whose sentinels it still holds. */
export function withText(marked: MarkedBody, text: string): MarkedBody {
	return { text, footnotes: marked.footnotes };
}

/** A space-separated token split into opening punctuation, the word itself and what trails it. */
export interface Token {
	readonly pre: string;
	readonly core: string;
	readonly post: string;
}

const LEADING = /^[(“"‘[]+/;
const TRAILING = /(?:[,;:.)”"’!?\]]|\uE000[\uE100-\uEFFF])+$/;

export function splitToken(token: string): Token {
	const pre = LEADING.exec(token)?.[0] ?? "";
	const rest = token.slice(pre.length);
	const post = TRAILING.exec(rest)?.[0] ?? "";
	return { pre, core: rest.slice(0, rest.length - post.length), post };
}

export function joinToken(t: Token): string {
	return `${t.pre}${t.core}${t.post}`;
}

/** The body's tokens: whitespace-separated, as the parser leaves a body. */
export function tokens(text: string): Token[] {
	return text
		.split(" ")
		.filter((t) => t !== "")
		.map(splitToken);
}

export function joinTokens(ts: readonly Token[]): string {
	return ts.map(joinToken).join(" ");
}

/** How many real words a body has (footnote sentinels and bare punctuation aside). */
export function wordCount(text: string): number {
	return tokens(text).filter((t) => t.core !== "").length;
}

/**
 * A plain word: letters only and no ordinal or month name, so that changing it
 * can never pass for a routine bump (session ordinals, years, dates, symbols).
 */
function isPlainWord(t: Token): boolean {
	return /^\p{L}+$/u.test(t.core) && !isRoutineWord(t.core);
}

/**
 * Changes one to three words: substitutions, insertions and deletions of
 * plain words, with words from the unrelated vocabulary. Returns null when the
 * body has too few plain words to do it safely.
 *
 * @example
 * rewordFew("the efforts of the Government", rng) // "the lighthouse efforts of the Government"
 */
export function rewordFew(text: string, rng: Rng): string | null {
	const ts = tokens(text);
	const operations = rng.int(1, 3);
	for (let k = 0; k < operations; k++) {
		const plain = ts.flatMap((t, i) => (isPlainWord(t) ? [i] : []));
		if (plain.length < 6) return null;
		const op = rng.pick(["substitute", "insert", "delete"] as const);
		const i = rng.pick(plain);
		const t = ts[i];
		if (!t) return null;
		if (op === "substitute") {
			ts[i] = { ...t, core: contentWord(rng) };
		} else if (op === "insert") {
			// Before a plain word, so nothing is ever added after the closing punctuation.
			ts.splice(i, 0, { pre: "", core: contentWord(rng), post: "" });
		} else if (t.pre === "" && t.post === "") {
			ts.splice(i, 1);
		} else {
			// A word carrying punctuation or a footnote: substitute instead of losing them.
			ts[i] = { ...t, core: contentWord(rng) };
		}
	}
	const out = joinTokens(ts);
	return out === text ? null : out;
}

/** The share of a body a rewritten clause takes, drawn uniformly in this range. */
export const REWRITE_SHARE: readonly [number, number] = [0.25, 0.4];

/**
 * Rewrites a clause: a contiguous span of 25-40% of the words (or the share
 * range given), each replaced by an unrelated word (punctuation and footnotes
 * stay where they were).
 */
export function rewriteClause(
	text: string,
	rng: Rng,
	range: readonly [number, number] = REWRITE_SHARE,
): string {
	const ts = tokens(text);
	const words = ts.flatMap((t, i) => (t.core !== "" ? [i] : []));
	const share = range[0] + rng.next() * (range[1] - range[0]);
	const span = Math.max(1, Math.round(words.length * share));
	const start = rng.int(0, words.length - span);
	const replacement = contentWords(rng, span);
	for (let k = 0; k < span; k++) {
		const i = words[start + k];
		const t = i === undefined ? undefined : ts[i];
		if (i !== undefined && t) ts[i] = { ...t, core: replacement[k] ?? t.core };
	}
	return joinTokens(ts);
}
