import type { RouteHandler } from "@hono/zod-openapi";
import {
	CONTENT_TYPES,
	contentDisposition,
	renderSourcesDocx,
	renderSourcesHtml,
	renderSourcesMarkdown,
	sourcesDownloadName,
} from "../../../render/index.ts";
import { getProvenance, getSources } from "../../../services/provenance.ts";
import { CACHE_LISTS } from "../../cache.ts";
import type { AppEnv } from "../../types.ts";
import type { provenanceRoute, sourcesRoute } from "./routes.ts";

export const provenanceHandler: RouteHandler<typeof provenanceRoute, AppEnv> = async (c) => {
	const { symbol, ref } = c.req.valid("param");
	c.header("cache-control", CACHE_LISTS);
	return c.json(await getProvenance(c.get("services"), symbol, ref), 200);
};

export const sourcesHandler: RouteHandler<typeof sourcesRoute, AppEnv> = async (c) => {
	const format = c.req.valid("query").format ?? "json";
	const sources = await getSources(c.get("services"), c.req.valid("param").symbol);
	if (format === "json") {
		c.header("cache-control", CACHE_LISTS);
		return c.json(sources, 200);
	}
	const name = sourcesDownloadName(sources, format);
	const headers: Record<string, string> = {
		"cache-control": CACHE_LISTS,
		"content-type": CONTENT_TYPES[format],
		"content-disposition": contentDisposition(name),
	};
	if (format === "md") return new Response(renderSourcesMarkdown(sources), { headers }) as never;
	if (format === "html") {
		headers["content-disposition"] = contentDisposition(name).replace("attachment", "inline");
		return new Response(renderSourcesHtml(sources), { headers }) as never;
	}
	const bytes = await renderSourcesDocx(sources);
	// A copy in a plain ArrayBuffer: what every runtime's Response accepts.
	return new Response(bytes.slice().buffer as ArrayBuffer, { headers }) as never;
};
