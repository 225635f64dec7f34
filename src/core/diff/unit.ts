/**
 * A paragraph as the alignment sees it: its raw key, its words, and what its
 * lead phrase addresses. Words are read only when asked for: most paragraphs
 * of a new version are word for word the old ones and pair on their raw text
 * without ever being tokenised.
 */
import type { Paragraph } from "../model.ts";
import { addresseeRole } from "./addressee.ts";
import { type Bag, bagOf } from "./similarity.ts";
import { capitalised, contentFlags, contentOf, contentWords, words } from "./tokens.ts";

/** How many content words, at most, name what a lead phrase is about ("the High Commissioner"). */
const OBJECT_WORDS = 6;

/** Where the object of a lead phrase ends: the verb after an addressee ("to provide"), or punctuation. */
const OBJECT_END = /[,;:(]|\sto\s/;

export class Unit {
	#key: string | undefined;
	#content: string[] | undefined;
	#bag: Bag | undefined;
	#object: Bag | undefined;
	#addressee: string | null | undefined;
	#names: readonly boolean[] | undefined;
	/** Lemma and text exactly as written: equal raw keys mean the same paragraph, renumbering aside. */
	readonly rawKey: string;

	constructor(
		/** Document order, preambular and operative together. */
		readonly index: number,
		readonly paragraph: Paragraph,
	) {
		this.rawKey = `${paragraph.lemma}\u0000${this.body}`;
	}

	private get body(): string {
		const p = this.paragraph;
		return p.subparagraphs.length === 0
			? p.body
			: [p.body, ...p.subparagraphs.map((s) => `${s.label} ${s.text}`)].join(" ");
	}

	/** Words of lemma and body: equal keys mean equal wording up to inflection and punctuation. */
	get key(): string {
		this.#read();
		return this.#key ?? "";
	}

	/** Stems of the lemma's and the body's words, stopwords left out, in order. */
	get content(): readonly string[] {
		this.#read();
		return this.#content ?? [];
	}

	get bag(): Bag {
		this.#bag ??= bagOf(this.content);
		return this.#bag;
	}

	/**
	 * What the lead phrase is said of or to: the first words of the body, up to
	 * the verb that follows an addressee ("Requests [the High Commissioner] to
	 * provide") or the first punctuation. Two versions of one paragraph keep it
	 * even when most of their wording changes.
	 */
	get object(): Bag {
		this.#object ??= bagOf(contentWords(this.#objectText()).slice(0, OBJECT_WORDS));
		return this.#object;
	}

	/** The role of whom the lead addresses ("the international community"), when it names one. */
	get addressee(): string | undefined {
		if (this.#addressee === undefined) this.#addressee = addresseeRole(this.#objectText()) ?? null;
		return this.#addressee ?? undefined;
	}

	#objectText(): string {
		const body = this.paragraph.body;
		const end = body.search(OBJECT_END);
		return end < 0 ? body : body.slice(0, end);
	}

	/**
	 * For each word of `content`, whether it belongs to a name (written with a
	 * capital, after the lead). A shared name says two paragraphs mention the
	 * same body, not that one continues the other.
	 */
	get names(): readonly boolean[] {
		if (!this.#names) {
			const body = this.body;
			const lemmaWords = contentWords(this.paragraph.lemma).length;
			this.#names = [
				...new Array<boolean>(lemmaWords).fill(false),
				...contentFlags(words(body), capitalised(body)),
			];
		}
		return this.#names;
	}

	#read(): void {
		if (this.#content) return;
		const bodyWords = words(this.body);
		this.#key = `${this.paragraph.lemma}|${bodyWords.join(" ")}`;
		this.#content = [...contentWords(this.paragraph.lemma), ...contentOf(bodyWords)];
	}
}

/**
 * Units made so far, by the paragraph list they were made from. Resolutions
 * are never changed once made, and a stored member is compared over and over
 * (every draft against the same base), so its words are read once, not once
 * per comparison; a new list (a new draft) makes new units.
 */
const made = new WeakMap<readonly Paragraph[], Unit[]>();

export function toUnits(paragraphs: readonly Paragraph[]): Unit[] {
	let units = made.get(paragraphs);
	if (!units) {
		units = paragraphs.map((paragraph, index) => new Unit(index, paragraph));
		made.set(paragraphs, units);
	}
	return units;
}
