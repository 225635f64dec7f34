/**
 * Lineage: every clause of a series (a chain of aligned paragraphs) with,
 * for each member, the paragraph that carries it and what happened to it
 * against the member before.
 */
import { z } from "zod";
import { ChangeStatus, DiffSide, DiffSummary } from "../diff/schema.ts";
import { Paragraph, ParagraphKind } from "../model.ts";

export const LineageCell = z.object({
	/** The paragraph carrying the clause in this member. */
	ref: z.string(),
	kind: ParagraphKind,
	/** Against the previous member; `new` for the first member, and for language revived after a gap. */
	status: ChangeStatus,
	moved: z.boolean(),
	/** The lead phrase's force against the previous member, when both have one. */
	shift: z.enum(["same", "stronger", "weaker", "changed"]).nullable(),
	routine: z.boolean(),
});
export type LineageCell = z.infer<typeof LineageCell>;

export const Clause = z.object({
	/** Stable within one lineage: "c1", "c2", ... in row order. */
	id: z.string(),
	/**
	 * Index into `members` of the member where the clause's language first
	 * appeared; -1 when that member precedes a windowed lineage's first member.
	 */
	first: z.number().int(),
	/** The symbol of the member where the clause's language first appeared. */
	since: z.string().nullable(),
	/** One entry per member, null where no paragraph carries the clause. */
	cells: z.array(LineageCell.nullable()),
});
export type Clause = z.infer<typeof Clause>;

export const Lineage = z.object({
	/** The members shown: the whole series, or a window of it. */
	members: z.array(DiffSide),
	/** Summary of each consecutive pair: pairs[k] compares members k and k+1. */
	pairs: z.array(z.object({ from: DiffSide, to: DiffSide, summary: DiffSummary })),
	/** Rows in reading order: the latest text's order, with ended clauses where they stood. */
	clauses: z.array(Clause),
	/** Where the clauses are one page of the window's: which page, its size, and how many there are. */
	page: z
		.object({
			number: z.number().int().min(1),
			size: z.number().int().min(1),
			/** Pages in all. */
			pages: z.number().int().min(1),
			/** Clauses in the window, on every page. */
			clauses: z.number().int().min(0),
		})
		.optional(),
});
export type Lineage = z.infer<typeof Lineage>;

export const NewLanguage = z.object({
	member: DiffSide,
	preambular: z.array(Paragraph),
	operative: z.array(Paragraph),
});
export type NewLanguage = z.infer<typeof NewLanguage>;
