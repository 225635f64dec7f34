/**
 * How the comparison sees text: words for similarity, and words, spaces and
 * punctuation for the redline. Noise from extraction (page footers, stray
 * footnote digits) and typography (curly vs straight quotes) is set aside
 * here, so no later step can mistake it for a change in wording.
 */

/** Word-ish runs: letters and digits joined by apostrophes, hyphens, slashes, dots or commas inside numbers. */
const WORD = /[\p{L}\p{N}]+(?:['’\-/.,][\p{L}\p{N}]+)*/gu;

/** A page footer's job number with its page number: `4 GE.18-05349`, `GE.17-05271(E)`. */
const FURNITURE = /(?:\b\d{1,3}\s+)?\bGE\.\d{2}-\d{5}(?:\s*\(E\))?/g;

/** Candidates for a footnote mark stuck to a word by extraction (the `1` in `Mali,1`): short numbers before a space. */
const TRAILING_NUMBER = /\d+(?=\s|$)/g;
const LOWER = /\p{Ll}/u;
const CLOSER = /[,.;:)]/;

/**
 * Words too common in resolutions to tell paragraphs apart. They still show
 * in the redline; they only do not count towards similarity.
 */
const STOPWORDS = new Set(
	"a an and are as at be been by for from has have in into is it its of on or that the their them these this those to was which with all also not".split(
		" ",
	),
);

const QUOTES = /[‘’ʼ“”]/g;

/** Whether the number at `at` in `text` is a footnote mark stuck to a word: two lower-case letters (and a stop) before it. */
function stuckMark(text: string, at: number, length: number): boolean {
	if (length > 2) return false;
	let i = at - 1;
	if (CLOSER.test(text.charAt(i))) i--;
	return LOWER.test(text.charAt(i)) && LOWER.test(text.charAt(i - 1));
}

/**
 * Removes extraction noise and evens out typography. Runs on every paragraph
 * compared, so each step is skipped when its text cannot occur.
 */
export function cleanForComparison(text: string): string {
	let t = text.includes("GE.") ? text.replace(FURNITURE, " ") : text;
	t = t.replace(TRAILING_NUMBER, (n, at: number) => (stuckMark(t, at, n.length) ? "" : n));
	t = t.replace(QUOTES, (q) => (q === "“" || q === "”" ? '"' : "'"));
	return t.replace(/\s+/g, " ").trim();
}

/** Lower-cased words of a text, noise removed. */
export function words(text: string): string[] {
	return cleanForComparison(text).toLowerCase().match(WORD) ?? [];
}

const CAPITAL = /^\p{Lu}/u;

/**
 * For each of `words(text)`, whether it was written with a capital: part of
 * a name ("United Nations Multidimensional Integrated Stabilization Mission
 * in Mali") rather than of the wording around it.
 */
export function capitalised(text: string): boolean[] {
	return (cleanForComparison(text).match(WORD) ?? []).map((w) => CAPITAL.test(w));
}

/**
 * A crude stem, enough to make inflections meet: "welcoming", "welcomes",
 * "welcomed" and "welcome" all give "welcom".
 */
export function stem(word: string): string {
	let w = word.replace(/'s$/, "");
	if (w.length <= 4 || /\d/.test(w)) return w;
	if (w.endsWith("ing")) w = w.slice(0, -3);
	else if (w.endsWith("ed")) w = w.slice(0, -2);
	else if (w.endsWith("es")) w = w.slice(0, -2);
	else if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
	return w.length > 3 && w.endsWith("e") ? w.slice(0, -1) : w;
}

/** The words that tell paragraphs apart: stems of `words` without stopwords. */
export function contentWords(text: string): string[] {
	return contentOf(words(text));
}

/** Stems of the words that are not stopwords. */
export function contentOf(ws: readonly string[]): string[] {
	const out: string[] = [];
	for (const w of ws) if (!STOPWORDS.has(w)) out.push(stem(w));
	return out;
}

/** `flags` (one per word of `ws`) kept for the words `contentOf(ws)` keeps. */
export function contentFlags(ws: readonly string[], flags: readonly boolean[]): boolean[] {
	const out: boolean[] = [];
	ws.forEach((w, i) => {
		if (!STOPWORDS.has(w)) out.push(flags[i] ?? false);
	});
	return out;
}

/**
 * Redline tokens: each word, each run of whitespace and each punctuation mark
 * is one token, so that joining them gives the text back exactly.
 */
export function redlineTokens(text: string): string[] {
	return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

/** Whether a redline token is a word (rather than space or punctuation). */
export function isWordToken(token: string): boolean {
	return /^[\p{L}\p{N}]/u.test(token);
}
