/** The API's schemas, named for the OpenAPI document. Domain shapes come from the core. */
import { z } from "@hono/zod-openapi";
import { StructuredDiff } from "../core/diff/schema.ts";
import { Lineage, NewLanguage } from "../core/lineage/schema.ts";
import { ManifestMember } from "../core/manifest.ts";
import { Paragraph, Resolution } from "../core/model.ts";
import { PhraseSpanSchema, SpannedParagraph, SpanPlace } from "../core/novelty/schema.ts";

export const StructuredDiffSchema = StructuredDiff.openapi("StructuredDiff");
export const LineageSchema = Lineage.openapi("Lineage");
export const ResolutionSchema = Resolution.openapi("Resolution");
export const PhraseSpan = PhraseSpanSchema.openapi("PhraseSpan");
export const SpannedParagraphSchema = SpannedParagraph.extend({
	spans: z.array(PhraseSpan),
}).openapi("SpannedParagraph");

const MemberSide = z.object({
	symbol: z.string(),
	title: z.string().nullable(),
	date: z.string().nullable(),
});

export const PhraseNewLanguageSchema = z
	.object({
		member: NewLanguage.shape.member,
		preambular: z.array(SpannedParagraphSchema).openapi({
			description: "Wholly new preambular paragraphs: no earlier member has a counterpart",
		}),
		operative: z.array(SpannedParagraphSchema).openapi({
			description: "Wholly new operative paragraphs",
		}),
		reworded: z
			.object({
				preambular: z.array(SpannedParagraphSchema),
				operative: z.array(SpannedParagraphSchema),
			})
			.openapi({
				description:
					"Paragraphs that carry earlier language and add new wording: their `new` spans are the new language",
			}),
	})
	.openapi("PhraseNewLanguage");

export const SourcesNoteSchema = z
	.object({
		kind: z.enum(["copied", "amended", "new"]),
		from: z.array(SpanPlace),
		borrowed: z.array(SpanPlace),
		news: z.array(z.string()),
		text: z.string().openapi({ example: "from 34/39 OP1, amended; new: “fatal attacks …”" }),
	})
	.openapi("SourcesNote");

const ParagraphSourcesShape = {
	paragraph: Paragraph,
	text: z.string().openapi({ description: "The paragraph's text, which the spans' text joins to" }),
	spans: z.array(PhraseSpan),
	note: SourcesNoteSchema,
};

export const ProvenanceSchema = z
	.object({ member: MemberSide, ...ParagraphSourcesShape })
	.openapi("Provenance");

export const MemberSourcesSchema = z
	.object({ member: MemberSide, paragraphs: z.array(z.object(ParagraphSourcesShape)) })
	.openapi("MemberSources");

export const SeriesMemberSchema = ManifestMember.extend({
	present: z.boolean().openapi({ description: "Whether the text is stored and can be compared" }),
	importedAt: z.string().nullable(),
}).openapi("SeriesMember");

export const SeriesSchema = z
	.object({
		id: z.string().openapi({ example: "mali-hrc" }),
		title: z.string(),
		organ: z.string(),
		members: z.array(SeriesMemberSchema),
	})
	.openapi("Series");

export const SeriesListSchema = z.object({ series: z.array(SeriesSchema) }).openapi("SeriesList");

export const StoredResolutionSchema = z
	.object({
		resolution: ResolutionSchema,
		source: z.object({
			name: z.string(),
			address: z.string().nullable(),
			sha256: z.string(),
			importedAt: z.string(),
		}),
		seriesId: z.string().nullable(),
	})
	.openapi("StoredResolution");

export const SearchResultSchema = z
	.object({
		query: z.string(),
		hits: z.array(
			z.object({
				symbol: z.string(),
				date: z.string().nullable(),
				paragraph: Paragraph,
				score: z.number(),
				exact: z.boolean(),
				firstAppeared: z.string().nullable(),
			}),
		),
	})
	.openapi("SearchResult");

export const ImportOutcomeSchema = z
	.object({
		symbol: z.string(),
		status: z.enum(["imported", "replaced", "unchanged"]),
		seriesId: z.string().nullable(),
		droppedDecisions: z
			.array(
				z.object({
					from: z.string(),
					to: z.string(),
					action: z.enum(["pair", "unpair"]),
					old: z.array(z.string()),
					new: z.array(z.string()),
				}),
			)
			.optional()
			.openapi({
				description:
					"Reviewers' decisions made on the text this one replaced, which no longer hold",
			}),
	})
	.openapi("ImportOutcome");

/** A member named in a path or query: "37-39", "37/39" (URL-encoded) or the full symbol. */
export const SymbolParam = z.string().min(1).max(200).openapi({ example: "37-39" });
export const SeriesIdParam = z.string().min(1).max(100).openapi({ example: "mali-hrc" });
