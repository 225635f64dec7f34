/**
 * The delegate's annotation of a paragraph, computed from its spans: where
 * its language came from, whether it was amended, and what is new in it.
 *
 *   "from 34/39 PP2"                              copied unchanged
 *   "from 34/39 OP6, amended; new: “…”"           reworded
 *   "from 34/39 OP1 and 31/28 PP9, amended"       wording drawn from several paragraphs
 *   "new"                                         no earlier wording
 *   "new; uses wording of 34/39 OP3"              a scrap kept (under MOSTLY_NEW of the text)
 *   "new; borrowed from 36/27 OP6"                new to the series, used before elsewhere
 */

import { cleanForComparison } from "../diff/tokens.ts";
import { parseSymbol } from "../symbol.ts";
import type { PhraseSpan, Place } from "./spans.ts";

export interface SourcesNote {
	/** "copied": every word kept from one paragraph; "amended": kept wording with changes; "new": nothing kept. */
	readonly kind: "copied" | "amended" | "new";
	/** The paragraphs its kept wording comes from, the largest share first (the member before, or the first use where the member before lacks it). */
	readonly from: Place[];
	/** Other resolutions its new wording was borrowed from. */
	readonly borrowed: Place[];
	/** The new spans' text, trimmed of edge punctuation. */
	readonly news: string[];
	/** The annotation as a delegate writes it. */
	readonly text: string;
}

/** "A/HRC/RES/34/39" -> "34/39"; other symbols as they are. */
export function shortSymbol(symbol: string): string {
	return parseSymbol(symbol)?.number ?? symbol;
}

/** Below this share of its characters kept, a paragraph with new wording is annotated "new". */
export const MOSTLY_NEW = 0.25;

const placeName = (p: Place) => `${shortSymbol(p.symbol)} ${p.ref}`;
const key = (p: Place) => `${p.symbol}\u0000${p.ref}`;

/** Whether two paragraph texts have the same wording once the operative number, extraction noise and spacing are set aside. */
export function sameWording(a: string, b: string): boolean {
	const plain = (t: string) => cleanForComparison(t.replace(/^\s*\d+\.\s*/, "")).toLowerCase();
	return plain(a) === plain(b);
}

/**
 * @param copiedFrom the text of the paragraph the wording comes from, when the
 *   caller has it: an exact copy reads "from 34/39 PP2" rather than "amended"
 */
export function sourcesNote(
	spans: readonly PhraseSpan[],
	text: string,
	copiedFrom?: string,
): SourcesNote {
	const weight = new Map<string, { place: Place; chars: number }>();
	const borrowed = new Map<string, Place>();
	const news: string[] = [];
	for (const s of spans) {
		if (s.status === "new") {
			const trimmed = s.text.replace(/^[\s\d.,;:]+|[\s,;:.]+$/g, "");
			if (trimmed) news.push(trimmed);
			if (s.first) borrowed.set(key(s.first), s.first);
			continue;
		}
		const place = s.source ?? s.first;
		if (!place) continue;
		const w = weight.get(key(place)) ?? { place, chars: 0 };
		w.chars += s.text.length;
		weight.set(key(place), w);
	}
	const from = [...weight.values()].sort((a, b) => b.chars - a.chars).map((w) => w.place);
	const copied =
		news.length === 0 &&
		from.length === 1 &&
		copiedFrom !== undefined &&
		sameWording(copiedFrom, text);
	const keptChars = [...weight.values()].reduce((n, w) => n + w.chars, 0);
	// A paragraph that keeps only a scrap of earlier wording (its lead phrase, say) is new, not an amendment.
	const mostlyNew = news.length > 0 && keptChars < MOSTLY_NEW * text.length;
	const kind = from.length === 0 || mostlyNew ? "new" : copied ? "copied" : "amended";
	const parts: string[] = [];
	if (kind === "new") {
		parts.push("new");
		if (from.length > 0)
			parts.push(`uses wording of ${from.slice(0, 3).map(placeName).join(", ")}`);
	} else {
		const names = from.slice(0, 3).map(placeName);
		const more = from.length > 3 ? ` and ${from.length - 3} more` : "";
		const list =
			names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
		parts.push(`from ${list}${more}${kind === "amended" ? ", amended" : ""}`);
		if (news.length > 0) parts.push(`new: ${news.map((n) => `“${n}”`).join(", ")}`);
	}
	if (borrowed.size > 0)
		parts.push(`borrowed from ${[...borrowed.values()].map(placeName).join(", ")}`);
	return { kind, from, borrowed: [...borrowed.values()], news, text: parts.join("; ") };
}
