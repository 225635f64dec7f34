/** Where a phrase appears across the corpus. */
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../../problem.ts";
import { SearchResultSchema } from "../../schemas.ts";

export const searchRoute = createRoute({
	method: "get",
	path: "/api/search",
	tags: ["search"],
	summary:
		"Where a phrase appears, best first, with the member where each hit's language first appeared",
	request: {
		query: z.object({
			q: z
				.string()
				.min(1)
				.max(500)
				.openapi({ param: { name: "q", in: "query" }, example: "human rights due diligence" }),
		}),
	},
	responses: {
		200: {
			description: "The hits",
			content: { "application/json": { schema: SearchResultSchema } },
		},
		...problemResponses(400, 503),
	},
});
