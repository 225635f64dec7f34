/**
 * What "the same paragraphs" means across readers: ref, kind, number, label,
 * lead, body, sub-paragraphs and footnotes (mark, text, place). The note's
 * id in its source (Word's footnote id, the printed mark in a PDF) differs
 * by format and is left out.
 */
import type { Resolution } from "../../src/core/model.ts";

export function paragraphsOf(res: Resolution) {
	return res.paragraphs.map((p) => ({
		ref: p.ref,
		kind: p.kind,
		number: p.number,
		label: p.label,
		lead: p.lead,
		lemma: p.lemma,
		body: p.body,
		subparagraphs: p.subparagraphs,
		footnotes: p.footnotes.map((f) => ({ mark: f.mark, text: f.text, at: f.at })),
	}));
}
