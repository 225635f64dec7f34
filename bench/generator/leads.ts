/**
 * Lead phrases for generated edits, taken from the project's lexicon: the
 * operative phrase with a preambular phrase's lemma (for promotions), another
 * phrase of the same strength family (for lead changes), and any phrase of a
 * kind (for inserted paragraphs). Every phrase built here is checked by
 * reading it back with `matchLead`, so the truth never depends on a phrase
 * the parser would read differently.
 */
import {
	ADVERBS,
	type LeadEntry,
	NEUTRAL_LEADS,
	OPERATIVE,
	PREAMBULAR,
	STANCE_FAMILIES,
	STRENGTH_FAMILIES,
} from "../../src/core/lexicon/lead-phrases.ts";
import { type LeadShift, matchLead } from "../../src/core/lexicon/lexicon.ts";
import { joinLead, type ParagraphKind } from "../../src/core/model.ts";
import type { Rng } from "../lib/prng.ts";

export interface Lead {
	readonly lead: string;
	readonly lemma: string;
}

const adverbs = new Set(ADVERBS);

/**
 * Family and rank of each lemma, read from the lexicon's data (its strength
 * families), not from the engine's comparison of leads, so that the truth of
 * a lead edit is the generator's own.
 */
const ranks = new Map<string, { family: string; rank: number }>(
	Object.entries(STRENGTH_FAMILIES).flatMap(([family, steps]) =>
		steps.flatMap((lemmas, rank) => lemmas.map((l) => [l, { family, rank }] as const)),
	),
);

const neutral = new Set(NEUTRAL_LEADS);
const stances = new Set(STANCE_FAMILIES);

/**
 * Whether one lemma is a neutral record and the other a stance: the lexicon
 * data ranks those across families, so such a replacement is no `changed`.
 */
function rankedAcross(from: string, to: string): boolean {
	const a = ranks.get(from);
	const b = ranks.get(to);
	return (
		(neutral.has(from) && b !== undefined && stances.has(b.family)) ||
		(neutral.has(to) && a !== undefined && stances.has(a.family))
	);
}

/** Whether replacing lemma `from` by `to` changes the lead's force the way `want` says. */
export function goesTheWay(from: string, to: string, want: LeadShift): boolean {
	if (from === to) return want === "same";
	const a = ranks.get(from);
	const b = ranks.get(to);
	const sameFamily = a !== undefined && b !== undefined && a.family === b.family;
	switch (want) {
		case "changed":
			return !sameFamily && !rankedAcross(from, to);
		case "same":
			return sameFamily && a.rank === b.rank;
		case "stronger":
			return sameFamily && b.rank > a.rank;
		case "weaker":
			return sameFamily && b.rank < a.rank;
	}
}

export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

function entries(kind: ParagraphKind): readonly LeadEntry[] {
	return kind === "preambular" ? PREAMBULAR : OPERATIVE;
}

/** The phrase as it opens a paragraph: capitalised, with its preposition when it takes one. */
function phraseText(entry: LeadEntry, prep?: string): string {
	const preps = entry.preps ?? [];
	const chosen = prep !== undefined && preps.includes(prep) ? prep : preps[0];
	return capitalise(chosen ? `${entry.phrase} ${chosen}` : entry.phrase);
}

/**
 * Whether the parser reads `lead` followed by `body` back as this lead with this lemma;
 * phrases that would swallow part of the body, or read as another phrase, are refused.
 */
export function readsBack(kind: ParagraphKind, lead: string, lemma: string, body: string): boolean {
	const match = matchLead(joinLead(lead, body), kind);
	return match.foundIn === kind && match.lead === lead && match.lemma === lemma;
}

/** Any phrase of a kind, for an inserted paragraph. */
export function randomLead(kind: ParagraphKind, rng: Rng, body: string): Lead {
	for (let attempt = 0; attempt < 50; attempt++) {
		const entry = rng.pick(entries(kind));
		const lead = phraseText(entry);
		if (readsBack(kind, lead, entry.lemma, body)) return { lead, lemma: entry.lemma };
	}
	// "Notes" / "Noting" always read back; reaching this means the lexicon changed shape.
	return kind === "operative"
		? { lead: "Notes", lemma: "note" }
		: { lead: "Noting", lemma: "note" };
}

/** The adverbs a lead carries ("Also strongly condemns", "Noting also"), in order. */
function adverbsOf(lead: string): string[] {
	return lead
		.toLowerCase()
		.split(/\s+/)
		.filter((w) => adverbs.has(w));
}

/**
 * The operative phrase for a preambular paragraph's lead: same lemma, adverbs
 * moved to the front, the preposition kept where the verb takes it
 * ("Deeply concerned also about" -> "Also expresses deep concern about").
 * Null when the lexicon has no operative phrase with that lemma.
 */
export function promotedLead(from: Lead, body: string): Lead | null {
	const lastWord = from.lead.toLowerCase().split(/\s+/).at(-1);
	const front = adverbsOf(from.lead);
	for (const entry of OPERATIVE.filter((e) => e.lemma === from.lemma)) {
		const phrase = phraseText(entry, lastWord);
		const lead =
			front.length > 0 ? capitalise(`${front.join(" ")} ${phrase.toLowerCase()}`) : phrase;
		if (readsBack("operative", lead, from.lemma, body)) return { lead, lemma: from.lemma };
	}
	return null;
}

/**
 * Another phrase of the same kind whose lemma shifts the lead the way asked:
 * `stronger` or `weaker` stay within the strength family, `changed` leaves it.
 * Operative adverbs ("Also") stay in front; preambular ones are dropped.
 */
export function shiftedLead(
	kind: ParagraphKind,
	from: Lead,
	want: LeadShift,
	body: string,
	rng: Rng,
): Lead | null {
	const front = kind === "operative" ? adverbsOf(from.lead.split(/\s+/)[0] ?? "") : [];
	const candidates = rng.shuffle(
		entries(kind).filter((e) => e.lemma !== from.lemma && goesTheWay(from.lemma, e.lemma, want)),
	);
	for (const entry of candidates) {
		const phrase = phraseText(entry);
		const lead =
			front.length > 0 ? capitalise(`${front.join(" ")} ${phrase.toLowerCase()}`) : phrase;
		if (readsBack(kind, lead, entry.lemma, body)) return { lead, lemma: entry.lemma };
	}
	return null;
}
