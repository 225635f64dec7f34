/**
 * The structured diff: what `compare(old, new)` returns, what the API sends as
 * JSON, and what every renderer (HTML, Markdown, Word) reads. One schema, in
 * zod, so the OpenAPI document describes exactly this.
 */
import { z } from "zod";
import { ParagraphKind } from "../model.ts";

export const ChangeStatus = z.enum(["unchanged", "reworded", "new", "removed", "merged", "split"]);
export type ChangeStatus = z.infer<typeof ChangeStatus>;

export const LeadShift = z.enum(["same", "stronger", "weaker", "changed"]);
export type LeadShift = z.infer<typeof LeadShift>;

/** A paragraph named by its ref in one version. */
export const ParagraphPointer = z.object({
	ref: z.string(),
	kind: ParagraphKind,
	number: z.number().int().nullable(),
});
export type ParagraphPointer = z.infer<typeof ParagraphPointer>;

/** One run of the word-level redline. */
export const Segment = z.object({
	op: z.enum(["equal", "insert", "delete"]),
	text: z.string(),
});
export type Segment = z.infer<typeof Segment>;

export const LeadChange = z.object({
	from: z.string(),
	to: z.string(),
	shift: LeadShift,
});
export type LeadChange = z.infer<typeof LeadChange>;

/**
 * How sure the engine is of a pairing, from the evidence that made it:
 * `high` for identical or clearly similar wording with no rival, `medium`
 * for a clear rewording, merge or split, `low` for a paragraph paired with
 * its old version mainly because it stands in the same place. A person
 * should look at `low` ones.
 */
export const Confidence = z.enum(["high", "medium", "low"]);
export type Confidence = z.infer<typeof Confidence>;

/** A paragraph on the other side that a new or removed one might be. */
export const Candidate = z.object({
	ref: z.string(),
	kind: ParagraphKind,
	similarity: z.number().min(0).max(1),
});
export type Candidate = z.infer<typeof Candidate>;

/**
 * A reviewer's decision on a stored member pair: `pair` declares the old and
 * new paragraphs one (one each, or several on one side for a merge or
 * split), whatever the engine found; `unpair` says they are not one.
 * Re-pairing is a `pair` that takes a paragraph from its engine partner.
 */
export const PairingDecision = z.object({
	action: z.enum(["pair", "unpair"]),
	from: z.array(z.string()).min(1),
	to: z.array(z.string()).min(1),
});
export type PairingDecision = z.infer<typeof PairingDecision>;

export const FootnoteBrief = z.object({ mark: z.string(), text: z.string() });

/** Footnote texts on both sides, present only where they differ (a renumbered mark is no difference). */
export const FootnoteChange = z.object({
	from: z.array(FootnoteBrief),
	to: z.array(FootnoteBrief),
});
export type FootnoteChange = z.infer<typeof FootnoteChange>;

export const Change = z.object({
	status: ChangeStatus,
	/** The paragraph's place in the order changed beyond renumbering. */
	moved: z.boolean(),
	/** Paragraphs of the old version: none for `new`, several for `merged`. */
	from: z.array(ParagraphPointer),
	/** Paragraphs of the new version: none for `removed`, several for `split`. */
	to: z.array(ParagraphPointer),
	/** How much of the wording the two sides share, 0..1 (lead inflection and footnotes aside). */
	similarity: z.number().min(0).max(1),
	/** The lead phrase on each side; null for `new` and `removed`. */
	lead: LeadChange.nullable(),
	/** A rewording that only bumps session ordinals, years, dates or document numbers. */
	routine: z.boolean(),
	/** Word-level redline of the whole paragraph text; equal+insert gives the new text, equal+delete the old. */
	segments: z.array(Segment),
	/** Present when footnote texts differ. */
	footnotes: FootnoteChange.optional(),
	/** How sure the pairing is; null for `new` and `removed`. */
	confidence: Confidence.nullable(),
	/**
	 * For `new` and `removed`: up to three paragraphs on the other side it
	 * might be, likeliest first, each at least CANDIDATE_FLOOR alike; empty
	 * for paired outcomes.
	 */
	candidates: z.array(Candidate),
	/** `reviewer` when a person paired, unpaired or re-paired these paragraphs; `engine` otherwise. */
	decidedBy: z.enum(["engine", "reviewer"]),
});
export type Change = z.infer<typeof Change>;

export const DiffSide = z.object({
	symbol: z.string().nullable(),
	title: z.string().nullable(),
	date: z.string().nullable(),
	/**
	 * Present for a draft: "draft", or the name its sender gave. A draft's
	 * symbol is kept only where it is a draft symbol (A/HRC/40/L.5) or differs
	 * from the member it is compared with, so a copy of 37/39 is never called 37/39.
	 */
	name: z.string().optional(),
});
export type DiffSide = z.infer<typeof DiffSide>;

export const DiffSummary = z.object({
	unchanged: z.number().int(),
	reworded: z.number().int(),
	new: z.number().int(),
	removed: z.number().int(),
	merged: z.number().int(),
	split: z.number().int(),
	moved: z.number().int(),
	/** Reworded paragraphs whose changes are all routine. */
	routine: z.number().int(),
	leadShifts: z.object({
		stronger: z.number().int(),
		weaker: z.number().int(),
		changed: z.number().int(),
	}),
});
export type DiffSummary = z.infer<typeof DiffSummary>;

export const StructuredDiff = z.object({
	from: DiffSide,
	to: DiffSide,
	summary: DiffSummary,
	/** In the new text's order, removed paragraphs where they stood. */
	changes: z.array(Change),
});
export type StructuredDiff = z.infer<typeof StructuredDiff>;
