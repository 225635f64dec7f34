/**
 * Novelty for a whole member of a series held in memory (the CLI reading the
 * corpus folder): every paragraph's spans against the members before it, and
 * the delegate's annotation of each.
 */
import { type Paragraph, paragraphText, type Resolution } from "../model.ts";
import { type SourcesNote, sourcesNote } from "./annotate.ts";
import { earlierLanguage, type MemberText } from "./earlier.ts";
import { type PhraseSpan, paragraphSpans } from "./spans.ts";

export interface AnnotatedParagraph {
	readonly paragraph: Paragraph;
	readonly text: string;
	readonly spans: PhraseSpan[];
	readonly note: SourcesNote;
}

/** A resolution as the index builder reads it. */
export function memberText(r: Resolution): MemberText {
	return {
		symbol: r.symbol ?? r.number ?? "?",
		date: r.adoption.date,
		paragraphs: r.paragraphs.map((p) => ({ ref: p.ref, text: paragraphText(p) })),
	};
}

/** Each paragraph of `series[k]` with its spans against `series[0..k)` and its annotation. */
export function annotateMember(series: readonly Resolution[], k: number): AnnotatedParagraph[] {
	const members = series.map(memberText);
	const index = earlierLanguage(members.slice(0, k));
	const texts = new Map(
		members.slice(0, k).flatMap((m) => m.paragraphs.map((p) => [`${m.symbol} ${p.ref}`, p.text])),
	);
	return (series[k]?.paragraphs ?? []).map((paragraph) => {
		const text = paragraphText(paragraph);
		const spans = paragraphSpans(text, index);
		const first = sourcesNote(spans, text);
		const only = first.from.length === 1 ? first.from[0] : undefined;
		const copiedFrom = only ? texts.get(`${only.symbol} ${only.ref}`) : undefined;
		return {
			paragraph,
			text,
			spans,
			note: copiedFrom ? sourcesNote(spans, text, copiedFrom) : first,
		};
	});
}
