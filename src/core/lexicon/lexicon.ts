/**
 * Reading lead phrases: find where a paragraph's opening phrase ends, what it
 * means, and whether one phrase is stronger than another.
 */
import type { ParagraphKind } from "../model.ts";
import {
	ADVERBS,
	FILLERS,
	type LeadEntry,
	NEUTRAL_LEADS,
	OPERATIVE,
	PREAMBULAR,
	STANCE_FAMILIES,
	STRENGTH_FAMILIES,
} from "./lead-phrases.ts";

export type LeadShift = "same" | "stronger" | "weaker" | "changed";

export interface LeadMatch {
	/** The phrase exactly as written in the text. */
	readonly lead: string;
	readonly lemma: string;
	/** Offset in the text just after the phrase. */
	readonly end: number;
	/** Which list the phrase was found in; null when it is in neither. */
	readonly foundIn: ParagraphKind | null;
}

export interface Token {
	readonly word: string;
	readonly start: number;
	/** End of the word itself, before trailing punctuation. */
	readonly end: number;
	/** Whether punctuation follows the word directly ("Supports,"). */
	readonly punctuated: boolean;
}

interface CompiledEntry {
	readonly words: readonly string[];
	readonly lemma: string;
	readonly preps: ReadonlySet<string>;
}

const adverbs = new Set(ADVERBS);
const fillers = new Set(FILLERS);

function compile(entries: readonly LeadEntry[]): Map<string, CompiledEntry[]> {
	const byFirstWord = new Map<string, CompiledEntry[]>();
	for (const e of entries) {
		const words = e.phrase.split(" ");
		const first = words[0] ?? "";
		const list = byFirstWord.get(first) ?? [];
		list.push({ words, lemma: e.lemma, preps: new Set(e.preps ?? []) });
		byFirstWord.set(first, list);
	}
	return byFirstWord;
}

const compiled: Record<ParagraphKind, Map<string, CompiledEntry[]>> = {
	preambular: compile(PREAMBULAR),
	operative: compile(OPERATIVE),
};

/** Whether a code point can be part of a word: a letter, a digit, an apostrophe or a hyphen. */
function isWordPoint(cp: number): boolean {
	if (cp < 128) {
		return (
			(cp >= 97 && cp <= 122) ||
			(cp >= 65 && cp <= 90) ||
			(cp >= 48 && cp <= 57) ||
			cp === 39 ||
			cp === 45
		);
	}
	return cp === 0x2019 || LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** JavaScript's `\s`: where a word's trailing punctuation stops. */
function isSpace(c: number): boolean {
	return (
		c === 32 ||
		(c >= 9 && c <= 13) ||
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

/**
 * The first few words of a text, enough for any phrase in the lexicon: each
 * a run of word characters, with whatever non-space follows it marking it as
 * punctuated. A scan by code point: every paragraph of every text read passes
 * here, and a Unicode-aware regular expression did the same work several times slower.
 */
export function leadingTokens(text: string, max = 12): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length && tokens.length < max) {
		const cp = text.codePointAt(i) ?? 0;
		if (!isWordPoint(cp)) {
			i += cp > 0xffff ? 2 : 1;
			continue;
		}
		const start = i;
		let end = i;
		for (let c = cp; end < text.length && isWordPoint(c); c = text.codePointAt(end) ?? 0)
			end += c > 0xffff ? 2 : 1;
		let after = end;
		while (after < text.length && !isSpace(text.charCodeAt(after))) after++;
		tokens.push({
			word: text.slice(start, end).toLowerCase(),
			start,
			end,
			punctuated: after > end,
		});
		i = after;
	}
	return tokens;
}

/** How many tokens an entry consumes at the start of the text, or 0 if it does not match. */
function consume(tokens: readonly Token[], entry: CompiledEntry): number {
	let i = 0;
	let j = 0;
	while (j < entry.words.length) {
		const tok = tokens[i];
		if (!tok) return 0;
		if (tok.word === entry.words[j]) {
			i++;
			j++;
			if (tok.punctuated && j < entry.words.length) return 0;
		} else if ((adverbs.has(tok.word) || (j > 0 && fillers.has(tok.word))) && !tok.punctuated) {
			i++;
		} else {
			return 0;
		}
	}
	// Adverbs after the phrase ("Recalling further"), then the phrase's preposition.
	while (i > 0 && !tokens[i - 1]?.punctuated && adverbs.has(tokens[i]?.word ?? "")) i++;
	const next = tokens[i];
	if (next && i > 0 && !tokens[i - 1]?.punctuated && entry.preps.has(next.word)) i++;
	return i;
}

function longestMatch(
	tokens: readonly Token[],
	kind: ParagraphKind,
): { count: number; entry: CompiledEntry } | null {
	let best: { count: number; entry: CompiledEntry } | null = null;
	// A leading adverb ("Also requests") shifts where the phrase's first word is.
	const firsts = new Set<string>();
	for (const tok of tokens) {
		firsts.add(tok.word);
		if (!adverbs.has(tok.word)) break;
	}
	for (const first of firsts) {
		for (const entry of compiled[kind].get(first) ?? []) {
			const count = consume(tokens, entry);
			if (count > 0 && (!best || count > best.count)) best = { count, entry };
		}
	}
	return best;
}

/**
 * Finds the lead phrase at the start of a paragraph's text. Looks in the list
 * for the paragraph's kind first, then the other; when neither knows the
 * opening, the lead is the first word and `foundIn` is null.
 *
 * @example
 * matchLead("Deeply concerned also about continued violations", "preambular")
 * // { lead: "Deeply concerned also about", lemma: "express deep concern", end: 27, foundIn: "preambular" }
 */
export function matchLead(text: string, kind: ParagraphKind): LeadMatch {
	const tokens = leadingTokens(text);
	const other: ParagraphKind = kind === "preambular" ? "operative" : "preambular";
	for (const k of [kind, other]) {
		const hit = longestMatch(tokens, k);
		const last = hit ? tokens[hit.count - 1] : undefined;
		if (hit && last) {
			return { lead: text.slice(0, last.end), lemma: hit.entry.lemma, end: last.end, foundIn: k };
		}
	}
	const first = tokens[0];
	if (!first) return { lead: "", lemma: "", end: 0, foundIn: null };
	return { lead: text.slice(0, first.end), lemma: first.word, end: first.end, foundIn: null };
}

interface Strength {
	readonly family: string;
	readonly rank: number;
}

const strengths = new Map<string, Strength>();
for (const [family, steps] of Object.entries(STRENGTH_FAMILIES)) {
	steps.forEach((lemmas, rank) => {
		for (const lemma of lemmas) strengths.set(lemma, { family, rank });
	});
}

/** The strength family and rank of a lemma, when it has one. */
export function strengthOf(lemma: string): Strength | undefined {
	return strengths.get(lemma);
}

const neutral = new Set(NEUTRAL_LEADS);
const stances = new Set(STANCE_FAMILIES);

/**
 * How the lead phrase's force changed between two versions. Adverbs do not
 * count ("Requests" -> "Also requests" is `same`); synonyms of equal rank in
 * one family are `same`. Across families, a neutral record ("notes") is
 * weaker than any stance ("encourages", "condemns"); other lemmas of
 * different families, or outside any, are `changed`.
 *
 * @example
 * leadShift("encourage", "urge") // "stronger"
 * leadShift("note", "encourage") // "stronger"
 */
export function leadShift(from: string, to: string): LeadShift {
	if (from === to) return "same";
	const a = strengths.get(from);
	const b = strengths.get(to);
	if (!a || !b) return "changed";
	if (a.family !== b.family) {
		if (neutral.has(from) && stances.has(b.family)) return "stronger";
		if (neutral.has(to) && stances.has(a.family)) return "weaker";
		return "changed";
	}
	if (a.rank === b.rank) return "same";
	return b.rank > a.rank ? "stronger" : "weaker";
}

/** All lemmas the lexicon knows, for checks that every family member is reachable. */
export function knownLemmas(): ReadonlySet<string> {
	return new Set([...PREAMBULAR, ...OPERATIVE].map((e) => e.lemma));
}
