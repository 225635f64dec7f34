/**
 * The domain model: a resolution as a sequence of preambular and operative
 * paragraphs. The zod schemas are the single source of the types, so the same
 * shapes validate JSON at the HTTP edge and describe it in OpenAPI.
 */
import { z } from "zod";

export const ParagraphKind = z.enum(["preambular", "operative"]);
export type ParagraphKind = z.infer<typeof ParagraphKind>;

export const Footnote = z.object({
	/** The mark a reader sees: "1", "2" in order of appearance, or "*" for an asterisk note. */
	mark: z.string(),
	text: z.string(),
	/** Character offset in the paragraph body where the reference stood. */
	at: z.number().int().nonnegative(),
	/** The note's id in the source (Word's internal footnote id in Tika text), when it differs from the mark. */
	sourceId: z.string().optional(),
});
export type Footnote = z.infer<typeof Footnote>;

export const SubParagraph = z.object({
	/** As printed, with its brackets: "(a)", "(ii)". */
	label: z.string(),
	text: z.string(),
});
export type SubParagraph = z.infer<typeof SubParagraph>;

export const Paragraph = z.object({
	/** `PP7` for the 7th preambular paragraph, `OP12` for operative paragraph 12, or a draft label such as `OP7bis`. */
	ref: z.string(),
	kind: ParagraphKind,
	/** The printed number of an operative paragraph; null for preambular ones. */
	number: z.number().int().nullable(),
	/** Negotiators' label when the text carries one (`PP5bis`, `OP6alt`). */
	label: z.string().nullable(),
	/** The opening phrase as written: "Deeply concerned also about". */
	lead: z.string(),
	/** The lead phrase's dictionary form, shared by its preambular and operative inflections: "welcome". */
	lemma: z.string(),
	body: z.string(),
	subparagraphs: z.array(SubParagraph),
	footnotes: z.array(Footnote),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const RecordedVote = z.object({
	yes: z.number().int().nonnegative(),
	no: z.number().int().nonnegative(),
	abstain: z.number().int().nonnegative(),
});
export type RecordedVote = z.infer<typeof RecordedVote>;

export const Adoption = z.object({
	/** ISO date (YYYY-MM-DD) from the closing block, when present. */
	date: z.string().nullable(),
	vote: z.union([z.literal("without a vote"), RecordedVote]).nullable(),
	/** The meeting or session line as printed: "56th meeting", "Fifty-sixth session". */
	meeting: z.string().nullable(),
	/** The bracketed adoption note as printed, including the list of votes. */
	note: z.string().nullable(),
});
export type Adoption = z.infer<typeof Adoption>;

export const Warning = z.object({
	message: z.string(),
	line: z.number().int().nullable(),
	ref: z.string().nullable(),
});
export type Warning = z.infer<typeof Warning>;

export const Resolution = z.object({
	/** Full document symbol: "A/HRC/RES/37/39". Null for a draft that carries none. */
	symbol: z.string().nullable(),
	/** Short number as printed before the title: "37/39". */
	number: z.string().nullable(),
	title: z.string().nullable(),
	session: z.number().int().nullable(),
	/** The organ named in the chapeau: "Human Rights Council". */
	organ: z.string().nullable(),
	adoption: Adoption,
	paragraphs: z.array(Paragraph),
	/** Notes attached to no paragraph (an asterisk note on the title, say). */
	notes: z.array(Footnote),
	warnings: z.array(Warning),
});
export type Resolution = z.infer<typeof Resolution>;

/** The paragraph's text as read: lead phrase, body, and sub-paragraphs each on a line of its own. */
export function paragraphText(p: Pick<Paragraph, "lead" | "body" | "subparagraphs">): string {
	const head = joinLead(p.lead, p.body);
	if (p.subparagraphs.length === 0) return head;
	return [head, ...p.subparagraphs.map((s) => `${s.label} ${s.text}`)].join("\n");
}

/** Joins a lead phrase to its body the way the text prints it: no space before a comma. */
export function joinLead(lead: string, body: string): string {
	if (body === "") return lead;
	if (lead === "") return body;
	return /^[,;:.]/.test(body) ? `${lead}${body}` : `${lead} ${body}`;
}
