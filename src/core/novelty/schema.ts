/** The span shapes as zod schemas: one source for the types, the HTTP validation and the OpenAPI document. */
import { z } from "zod";
import { Paragraph } from "../model.ts";

export const SpanPlace = z.object({
	/** The resolution's full symbol: "A/HRC/RES/34/39". */
	symbol: z.string(),
	ref: z.string(),
});

export const PhraseSpanSchema = z.object({
	text: z.string(),
	status: z.enum(["new", "kept"]),
	/** Kept wording: where the member before has it; null when it skipped the member before, and for new wording. */
	source: SpanPlace.nullable(),
	/** Where the wording first appeared: in the series or any stored resolution. New wording names another resolution it was borrowed from, else null. */
	first: SpanPlace.nullable(),
});

/** A paragraph with its spans: joining the spans' text gives the paragraph's text (lead, body and sub-paragraphs). */
export const SpannedParagraph = Paragraph.extend({ spans: z.array(PhraseSpanSchema) });
export type SpannedParagraph = z.infer<typeof SpannedParagraph>;
