/**
 * How phrase-level novelty reads a paragraph: its words with where each
 * stands in the text, which of them carry meaning, and the normal form two
 * years' wording must share to count as the same wording.
 *
 * Normal form: lower case, straight apostrophes, hyphenated compounds joined
 * (so "decision-making", "decision- making" split at a PDF line end and
 * "decisionmaking" meet), a light stem (so "attacks", "attacked" and
 * "attacking" meet). Extraction noise (page footers with job numbers,
 * footnote digits stuck to a word as in "Mali,2") is not a word at all.
 */
import { stem } from "../diff/tokens.ts";

export interface Word {
	/** Offsets into the paragraph text: `text.slice(start, end)` is the word as printed. */
	readonly start: number;
	readonly end: number;
	/** The normal form two members must share. */
	readonly norm: string;
	/**
	 * Whether the word carries the wording: not a function word, and not a
	 * number, month or ordinal, which every year's text bumps ("in 2018",
	 * "at its fortieth session") and the redline already shows.
	 */
	readonly content: boolean;
}

/**
 * A word: letters and digits, joined by apostrophes or by a hyphen that may be
 * followed by a line break's space ("decision- making"). A hyphen with space
 * before it is a dash, not a joiner.
 */
const WORD = /[\p{L}\p{N}]+(?:(?:['’]|-\s*)[\p{L}\p{N}]+)*/gu;

/** A page footer's job number with its page number: `4 GE.18-05349`, `GE.17-05271(E)`. */
const FURNITURE = /(?:\b\d{1,3}\s+)?\bGE\.\d{2}-\d{5}(?:\s*\(E\))?/g;

/**
 * Function words: they join wording but say nothing alone, so they never make
 * a span new and shingles skip them. Wider than the comparison's stopwords
 * because here a single shared "including the" must not pass for kept wording.
 */
const FUNCTION_WORDS = new Set(
	`a an and are as at be been being both but by can could did do does each either for from had has have he her his if in including inter alia into is it its may might more most must no nor not of on only or other our own same shall she should so some such than that the their them then there these they this those through to too under until upon very was we were what when where whether which while who whom whose will with within would also all any further furthermore however particular well`.split(
		/\s+/,
	),
);

const MONTHS = new Set(
	"january february march april may june july august september october november december".split(
		" ",
	),
);

/** Ordinal words ("fortieth session") change every year and are never news. */
const ORDINAL =
	/(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|ieth|th)$/;
const ORDINAL_ROOT = /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)/;

/** Whether a short number at `at` is a footnote mark stuck to the word before it ("Mali,2", "crisis2"). */
function stuckMark(text: string, at: number, word: string): boolean {
	if (!/^\d{1,2}$/.test(word) || at === 0) return false;
	let i = at - 1;
	if (/[,.;:)]/.test(text.charAt(i))) i--;
	return /\p{Ll}/u.test(text.charAt(i)) && /\p{Ll}/u.test(text.charAt(i - 1));
}

/** Undoes a doubled final consonant a stemmed "committed" or "planned" keeps. */
function undouble(w: string): string {
	return w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** The normal form of one printed word. */
export function normalWord(printed: string): string {
	const w = printed
		.toLowerCase()
		.replace(/’/g, "'")
		.replace(/'s$/, "")
		.replace(/['\-\s]/g, "");
	return undouble(stem(w));
}

function isOrdinalWord(w: string): boolean {
	return ORDINAL.test(w) && (ORDINAL_ROOT.test(w) || w.length <= 12);
}

/** The words of a paragraph text in order, extraction noise left out. */
export function readWords(text: string): Word[] {
	const noise: [number, number][] = [];
	if (text.includes("GE.")) {
		for (const m of text.matchAll(FURNITURE)) noise.push([m.index, m.index + m[0].length]);
	}
	const out: Word[] = [];
	for (const m of text.matchAll(WORD)) {
		const start = m.index;
		const printed = m[0];
		if (noise.some(([a, b]) => start >= a && start < b)) continue;
		if (stuckMark(text, start, printed)) continue;
		const lower = printed.toLowerCase().replace(/’/g, "'");
		const norm = normalWord(printed);
		const content =
			!FUNCTION_WORDS.has(lower) &&
			!/\d/.test(norm) &&
			!MONTHS.has(lower) &&
			!isOrdinalWord(lower.replace(/[-\s]/g, ""));
		out.push({ start, end: start + printed.length, norm, content });
	}
	return out;
}
