/** Liveness with a real check of the database. */
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../../problem.ts";

export const healthRoute = createRoute({
	method: "get",
	path: "/healthz",
	tags: ["health"],
	summary: "The service is up and its database answers",
	responses: {
		200: {
			description: "Healthy",
			content: {
				"application/json": {
					schema: z.object({ status: z.literal("ok"), resolutions: z.number().int() }),
				},
			},
		},
		...problemResponses(503),
	},
});
