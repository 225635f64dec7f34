/** One stored resolution; importing a text (admin only). */
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../../problem.ts";
import { ImportOutcomeSchema, StoredResolutionSchema, SymbolParam } from "../../schemas.ts";

export const getResolutionRoute = createRoute({
	method: "get",
	path: "/api/resolutions/{symbol}",
	tags: ["resolutions"],
	summary: "A stored resolution: its paragraphs, lead phrases, footnotes and source",
	description:
		'The symbol may be written "37-39", "37/39" (URL-encoded) or in full ("A/HRC/RES/37/39").',
	request: {
		params: z.object({ symbol: SymbolParam.openapi({ param: { name: "symbol", in: "path" } }) }),
	},
	responses: {
		200: {
			description: "The resolution",
			content: { "application/json": { schema: StoredResolutionSchema } },
		},
		304: { description: "Not modified since the ETag given in If-None-Match" },
		...problemResponses(404, 503),
	},
});

export const ImportBody = z
	.object({
		text: z.string().min(1).openapi({ description: "The resolution in the official text layout" }),
		symbol: z
			.string()
			.max(200)
			.optional()
			.openapi({ description: "File it under this symbol, whatever the text prints" }),
		name: z
			.string()
			.max(200)
			.optional()
			.openapi({ description: "Where the text came from, as the store records it" }),
		series: z.string().max(100).optional(),
		replace: z
			.boolean()
			.optional()
			.openapi({ description: "Replace a stored text of the same symbol" }),
	})
	.openapi("ImportRequest");

export const importRoute = createRoute({
	method: "post",
	path: "/api/resolutions",
	tags: ["resolutions"],
	summary: "Import a text (needs the admin token)",
	security: [{ bearer: [] }],
	request: { body: { required: true, content: { "application/json": { schema: ImportBody } } } },
	responses: {
		201: {
			description: "Imported or replaced",
			content: { "application/json": { schema: ImportOutcomeSchema } },
		},
		200: {
			description: "The same text was already stored",
			content: { "application/json": { schema: ImportOutcomeSchema } },
		},
		...problemResponses(400, 401, 403, 404, 409, 413, 422, 503),
	},
});
