import type { RouteHandler } from "@hono/zod-openapi";
import { search } from "../../../services/resolutions.ts";
import { CACHE_LISTS } from "../../cache.ts";
import type { AppEnv } from "../../types.ts";
import type { searchRoute } from "./routes.ts";

export const searchHandler: RouteHandler<typeof searchRoute, AppEnv> = async (c) => {
	const { q } = c.req.valid("query");
	c.header("cache-control", CACHE_LISTS);
	return c.json({ query: q, hits: await search(c.get("services"), q) }, 200);
};
