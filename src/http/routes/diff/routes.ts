/** What changed: the comparison of two stored members, or of a draft against one. */
import { createRoute, z } from "@hono/zod-openapi";
import { MAX_TEXT_BYTES } from "../../../core/parse/normalise.ts";
import { megabytes } from "../../../ingest/limits.ts";
import { CONTENT_TYPES } from "../../../render/index.ts";
import { MAX_DRAFT_NAME } from "../../../services/drafts.ts";
import { DIFF_FORMATS } from "../../negotiate.ts";
import { problemResponses } from "../../problem.ts";
import { StructuredDiffSchema, SymbolParam } from "../../schemas.ts";

const format = z
	.enum(DIFF_FORMATS as ["json", "html", "md", "docx"])
	.optional()
	.openapi({
		description: "Representation; without it, the Accept header decides (JSON by default)",
	});
const inline = z
	.enum(["true", "false"])
	.optional()
	.openapi({ description: "HTML with the styles in attributes, to paste into Word or an email" });

const representations = {
	"application/json": { schema: StructuredDiffSchema },
	[CONTENT_TYPES.html]: {
		schema: z.string().openapi({ description: "An HTML fragment to embed" }),
	},
	[CONTENT_TYPES.md]: {
		schema: z.string().openapi({ description: "Markdown: **insertions** and ~~deletions~~" }),
	},
	[CONTENT_TYPES.docx]: {
		schema: z.string().openapi({ format: "binary", description: "Word with tracked changes" }),
	},
};

export const diffRoute = createRoute({
	method: "get",
	path: "/api/diff",
	tags: ["comparison"],
	summary: "What changed between two stored members",
	description:
		"Consecutive members come from stored alignments; any other pair is computed once and kept. Strong ETag; If-None-Match answers 304.",
	request: {
		query: z.object({
			from: SymbolParam.openapi({ param: { name: "from", in: "query" }, example: "34-39" }),
			to: SymbolParam.openapi({ param: { name: "to", in: "query" }, example: "37-39" }),
			format: format.openapi({ param: { name: "format", in: "query" } }),
			inline: inline.openapi({ param: { name: "inline", in: "query" } }),
		}),
	},
	responses: {
		200: { description: "The comparison", content: representations },
		304: { description: "Not modified since the ETag given in If-None-Match" },
		...problemResponses(400, 404, 503),
	},
});

const draftName = z.string().max(MAX_DRAFT_NAME).optional().openapi({
	description:
		'What to call the draft in the comparison (`to.name`); "draft" when absent. Its own symbol is shown only when it is a draft symbol (A/HRC/40/L.5) or differs from the base.',
	example: "Zero draft, 2 March",
});

export const CompareBody = z
	.object({
		base: SymbolParam.openapi({
			description: "The stored member to compare against",
			example: "37/39",
		}),
		text: z.string().min(1).openapi({ description: "The draft, in the official text layout" }),
		name: draftName,
		format: format,
		inline: z.boolean().optional(),
	})
	.openapi("CompareRequest");

export const CompareUpload = z
	.object({
		base: SymbolParam.openapi({
			description: "The stored member to compare against",
			example: "37/39",
		}),
		file: z.instanceof(File).optional().openapi({
			type: "string",
			format: "binary",
			description: "The draft as a DOCX, PDF, HTML or text file",
		}),
		text: z.string().optional().openapi({ description: "Or the draft's text" }),
		name: draftName,
		format: format,
		inline: z.enum(["true", "false"]).optional(),
	})
	.openapi("CompareUpload");

export const compareRoute = createRoute({
	method: "post",
	path: "/api/compare",
	tags: ["comparison"],
	summary: "The comparison of an unsaved draft with a stored member; nothing is stored",
	description: `Send JSON with the draft's text, or a multipart form with the draft as a file (DOCX, PDF, HTML or text; the Node service reads them all, a Worker text only). The body may not exceed ${megabytes(MAX_TEXT_BYTES)} of text and the fields around it.`,
	request: {
		body: {
			// Either media type; the handler reads whichever arrived.
			required: false,
			content: {
				"application/json": { schema: CompareBody },
				"multipart/form-data": { schema: CompareUpload },
			},
		},
	},
	responses: {
		200: { description: "The comparison", content: representations },
		...problemResponses(400, 404, 413, 415, 422, 503),
	},
});
