import type { RouteHandler } from "@hono/zod-openapi";
import { getProvenance, getSources } from "../../../services/provenance.ts";
import { CACHE_LISTS } from "../../cache.ts";
import type { AppEnv } from "../../types.ts";
import type { provenanceRoute, sourcesRoute } from "./routes.ts";

export const provenanceHandler: RouteHandler<typeof provenanceRoute, AppEnv> = async (c) => {
	const { symbol, ref } = c.req.valid("param");
	c.header("cache-control", CACHE_LISTS);
	return c.json(await getProvenance(c.var.services, symbol, ref), 200);
};

export const sourcesHandler: RouteHandler<typeof sourcesRoute, AppEnv> = async (c) => {
	c.header("cache-control", CACHE_LISTS);
	return c.json(await getSources(c.var.services, c.req.valid("param").symbol), 200);
};
