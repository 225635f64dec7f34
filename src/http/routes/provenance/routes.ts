/** Where wording came from: one paragraph's spans, and a whole member annotated with its sources. */
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../../problem.ts";
import { MemberSourcesSchema, ProvenanceSchema, SymbolParam } from "../../schemas.ts";

const symbol = SymbolParam.openapi({ param: { name: "symbol", in: "path" } });

export const provenanceRoute = createRoute({
	method: "get",
	path: "/api/resolutions/{symbol}/paragraphs/{ref}/provenance",
	tags: ["resolutions"],
	summary:
		"Where one paragraph's wording came from: its new and kept spans, and the delegate's annotation",
	description:
		"Joining the spans' `text` gives the paragraph's text. A kept span names its `source` (the member before) and its `first` use in any stored resolution; a new span's `first` names another resolution it was borrowed from, if any.",
	request: {
		params: z.object({
			symbol,
			ref: z
				.string()
				.min(1)
				.max(40)
				.openapi({ param: { name: "ref", in: "path" }, example: "OP1" }),
		}),
	},
	responses: {
		200: {
			description: "The paragraph's provenance",
			content: { "application/json": { schema: ProvenanceSchema } },
		},
		...problemResponses(404, 503),
	},
});

export const SourcesFormat = z.enum(["json", "md", "html", "docx"]);

export const sourcesRoute = createRoute({
	method: "get",
	path: "/api/resolutions/{symbol}/sources",
	tags: ["resolutions"],
	summary:
		"A member annotated with its sources, paragraph by paragraph (JSON, Markdown, HTML or Word)",
	request: {
		params: z.object({ symbol }),
		query: z.object({
			format: SourcesFormat.optional().openapi({ param: { name: "format", in: "query" } }),
		}),
	},
	responses: {
		200: {
			description: "Every paragraph with its spans and annotation",
			content: {
				"application/json": { schema: MemberSourcesSchema },
				"text/markdown": { schema: z.string() },
				"text/html": { schema: z.string() },
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
					schema: z.string().openapi({ format: "binary" }),
				},
			},
		},
		...problemResponses(400, 404, 503),
	},
});
