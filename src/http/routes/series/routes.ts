/** Series: the list, one series with its members, its lineage, a member's new language. */
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../../problem.ts";
import {
	LineageSchema,
	PhraseNewLanguageSchema,
	SeriesIdParam,
	SeriesListSchema,
	SeriesSchema,
	SymbolParam,
} from "../../schemas.ts";

const params = z.object({ id: SeriesIdParam.openapi({ param: { name: "id", in: "path" } }) });

export const listSeriesRoute = createRoute({
	method: "get",
	path: "/api/series",
	tags: ["series"],
	summary: "The series and their members, with which texts are present",
	responses: {
		200: {
			description: "Every series",
			content: { "application/json": { schema: SeriesListSchema } },
		},
		...problemResponses(503),
	},
});

export const getSeriesRoute = createRoute({
	method: "get",
	path: "/api/series/{id}",
	tags: ["series"],
	summary: "One series: its members in order, present or missing",
	request: { params },
	responses: {
		200: { description: "The series", content: { "application/json": { schema: SeriesSchema } } },
		...problemResponses(404, 503),
	},
});

export const lineageRoute = createRoute({
	method: "get",
	path: "/api/series/{id}/lineage",
	tags: ["series"],
	summary: "Where did this come from: every clause through the stored members",
	description:
		"The whole series, or with `from` and `to` a window of its members, its clauses one page at a time in reading order: `page` from 1 (default 1), `pageSize` clauses a page (default 200, at most 1,000). `page` in the answer says which page it is and how many there are; a page past the last answers 404.",
	request: {
		params,
		query: z.object({
			from: SymbolParam.optional().openapi({ param: { name: "from", in: "query" } }),
			to: SymbolParam.optional().openapi({ param: { name: "to", in: "query" } }),
			page: z.coerce
				.number()
				.int()
				.min(1)
				.optional()
				.openapi({ param: { name: "page", in: "query" }, example: 1 }),
			pageSize: z.coerce
				.number()
				.int()
				.min(1)
				.max(1000)
				.optional()
				.openapi({ param: { name: "pageSize", in: "query" }, example: 200 }),
		}),
	},
	responses: {
		200: { description: "The lineage", content: { "application/json": { schema: LineageSchema } } },
		...problemResponses(400, 404, 503),
	},
});

export const newLanguageRoute = createRoute({
	method: "get",
	path: "/api/series/{id}/new-language",
	tags: ["series"],
	summary:
		"What is new: paragraphs no earlier member used, and reworded ones with their new phrases",
	description:
		"`preambular` and `operative` list wholly new paragraphs; `reworded` lists paragraphs that keep earlier language and add new wording. Each carries `spans`: `new` wording no earlier member of the series used, and `kept` wording with its `source` (the member before) and `first` use (in any stored resolution).",
	request: {
		params,
		query: z.object({
			member: SymbolParam.openapi({ param: { name: "member", in: "query" } }),
			kind: z
				.enum(["preambular", "operative"])
				.optional()
				.openapi({ param: { name: "kind", in: "query" } }),
		}),
	},
	responses: {
		200: {
			description: "The new language",
			content: { "application/json": { schema: PhraseNewLanguageSchema } },
		},
		...problemResponses(400, 404, 503),
	},
});
