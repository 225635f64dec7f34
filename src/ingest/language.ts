/**
 * Whether a downloaded text reads as English. The document service may answer
 * a request for the English text with another language's version (the only
 * one it holds), and such a text parses: its numbered paragraphs look like
 * operative ones. English resolutions are thick with a handful of function
 * words ("the", "of", "and", "to"); other official languages use their own.
 */

/** English function words frequent in every resolution. */
const ENGLISH = new Set(
	"the of and to in its for on with all by that as at be from this which".split(" "),
);

/** The official languages written in Latin script, by their most frequent function words. */
const OTHERS: Readonly<Record<string, ReadonlySet<string>>> = {
	French: new Set("le la les des du et de à en dans pour sur par une au aux que qui".split(" ")),
	Spanish: new Set("el la los las del y de en para por con que una al su sus".split(" ")),
};

/**
 * Below this share of English function words among all words, a text is not
 * English: the shipped 37/39 has about two fifths; French and Spanish texts,
 * whose "de", "la", "en" are not English words, stay under a twentieth.
 */
export const MIN_ENGLISH_SHARE = 0.08;

/** Fewer words than this say too little to judge; such a text is taken as it is. */
const MIN_WORDS = 40;

export interface LanguageVerdict {
	readonly english: boolean;
	/** The language the text reads as, when it is not English and one of the others fits. */
	readonly language: string | null;
	readonly englishShare: number;
}

/** Judges a text by the share of English function words among its words. */
export function judgeLanguage(text: string): LanguageVerdict {
	const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
	if (words.length < MIN_WORDS) return { english: true, language: null, englishShare: 1 };
	const share = (set: ReadonlySet<string>) => words.filter((w) => set.has(w)).length / words.length;
	const englishShare = share(ENGLISH);
	if (englishShare >= MIN_ENGLISH_SHARE) return { english: true, language: null, englishShare };
	let best: { language: string; share: number } | null = null;
	for (const [language, set] of Object.entries(OTHERS)) {
		const s = share(set);
		if (!best || s > best.share) best = { language, share: s };
	}
	return {
		english: false,
		language: best && best.share > englishShare ? best.language : null,
		englishShare,
	};
}
