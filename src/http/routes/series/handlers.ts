import type { RouteHandler } from "@hono/zod-openapi";
import { getPhraseNewLanguage } from "../../../services/provenance.ts";
import { getLineage, getSeries, listSeries } from "../../../services/series.ts";
import { CACHE_LISTS } from "../../cache.ts";
import type { AppEnv } from "../../types.ts";
import type { getSeriesRoute, lineageRoute, listSeriesRoute, newLanguageRoute } from "./routes.ts";

export const listSeriesHandler: RouteHandler<typeof listSeriesRoute, AppEnv> = async (c) => {
	c.header("cache-control", CACHE_LISTS);
	return c.json({ series: await listSeries(c.get("services")) }, 200);
};

export const getSeriesHandler: RouteHandler<typeof getSeriesRoute, AppEnv> = async (c) => {
	c.header("cache-control", CACHE_LISTS);
	return c.json(await getSeries(c.get("services"), c.req.valid("param").id), 200);
};

export const lineageHandler: RouteHandler<typeof lineageRoute, AppEnv> = async (c) => {
	c.header("cache-control", CACHE_LISTS);
	const { from, to, page, pageSize } = c.req.valid("query");
	return c.json(
		await getLineage(
			c.get("services"),
			c.req.valid("param").id,
			{ from, to },
			{ number: page, size: pageSize },
		),
		200,
	);
};

export const newLanguageHandler: RouteHandler<typeof newLanguageRoute, AppEnv> = async (c) => {
	const { member, kind } = c.req.valid("query");
	c.header("cache-control", CACHE_LISTS);
	return c.json(
		await getPhraseNewLanguage(c.get("services"), c.req.valid("param").id, member, kind),
		200,
	);
};
