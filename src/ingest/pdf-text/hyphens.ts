/**
 * Hyphens at line ends. A line that ends in `imple-` and a next line that
 * starts `mentation` were one word the typesetter split; `capacity-` then
 * `building` is a compound whose hyphen stays. The document itself is the
 * first evidence (the same word written elsewhere, fused or hyphenated); then
 * a known compound prefix keeps the hyphen; then an English word list says
 * whether the fused word exists; failing that, two words either side of the
 * hyphen make a compound (`hostage-takings`), and fragments a split word
 * (`peacebui-lding`, a word the list does not know).
 */
import { isEnglishWord } from "./dictionary.ts";

/** First parts that make compounds in UN texts (`capacity-building`, `non-State`, `follow-up`). */
const COMPOUND_PREFIXES = new Set([
	"all",
	"anti",
	"capacity",
	"co",
	"confidence",
	"counter",
	"cross",
	"decision",
	"ex",
	"fact",
	"follow",
	"gender",
	"half",
	"long",
	"low",
	"high",
	"mid",
	"non",
	"post",
	"pre",
	"pro",
	"quasi",
	"self",
	"semi",
	"short",
	"vice",
	"well",
	"wide",
	// Ordinals and numbers: "twenty-first session", "fifty-sixth".
	"twenty",
	"thirty",
	"forty",
	"fifty",
	"sixty",
	"seventy",
	"eighty",
	"ninety",
]);

const WORD = /\p{L}+(?:[-‐]\p{L}+)*/gu;

/** How often each word (and each hyphenated compound) occurs, lower-cased. */
export class Vocabulary {
	private readonly counts = new Map<string, number>();

	/** Counts the words of lines, leaving out the halves of words split at line ends. */
	constructor(lines: readonly string[]) {
		let previousSplit = false;
		for (const line of lines) {
			const words = [...line.matchAll(WORD)].map((m) => m[0]);
			const split = /\p{L}-$/u.test(line.trimEnd());
			const from = previousSplit ? 1 : 0;
			const to = split ? words.length - 1 : words.length;
			for (const w of words.slice(from, Math.max(from, to))) this.add(w.toLowerCase());
			previousSplit = split;
		}
	}

	private add(word: string): void {
		this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
	}

	count(word: string): number {
		return this.counts.get(word.toLowerCase()) ?? 0;
	}
}

function isWordOrPlural(word: string): boolean {
	return isEnglishWord(word) || (/s$/.test(word) && isEnglishWord(word.slice(0, -1)));
}

/**
 * Joins a line ending in a hyphen to the next line: the hyphen kept for a
 * compound, dropped for a word the typesetter split.
 *
 * @example
 * joinAtHyphen("the imple-", "mentation of", vocabulary) // "the implementation of"
 */
export function joinAtHyphen(left: string, right: string, vocabulary: Vocabulary): string {
	const stem = /(\p{L}+)-$/u.exec(left)?.[1] ?? "";
	const tail = /^\p{L}+/u.exec(right)?.[0] ?? "";
	const keep = `${left}${right}`;
	const fuse = `${left.slice(0, -1)}${right}`;
	if (!stem || !tail) return keep;
	// A capital after the break is a compound's second word: "Secretary-General", "non-State".
	if (/^\p{Lu}/u.test(tail)) return keep;
	const fused = vocabulary.count(`${stem}${tail}`);
	const hyphenated = vocabulary.count(`${stem}-${tail}`);
	if (fused > 0 || hyphenated > 0) return fused >= hyphenated ? fuse : keep;
	if (COMPOUND_PREFIXES.has(stem.toLowerCase())) return keep;
	if (isEnglishWord(`${stem}${tail}`)) return fuse;
	// Two words either side ("hostage-takings") make a compound; fragments ("peacebui-lding") a split word.
	return isWordOrPlural(stem) && isWordOrPlural(tail) ? keep : fuse;
}
