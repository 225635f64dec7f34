import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { StructuredDiff } from "../../../core/diff/index.ts";
import { compareDraft, getDiff } from "../../../services/resolutions.ts";
import { CACHE_NONE, CACHE_STORED } from "../../cache.ts";
import { type DiffFormat, matchesEtag, negotiateFormat } from "../../negotiate.ts";
import { represent } from "../../represent.ts";
import type { AppEnv } from "../../types.ts";
import type { compareRoute, diffRoute } from "./routes.ts";

/** The comparison's date: the newer text's adoption, else today. */
function comparisonDate(diff: StructuredDiff): string {
	return diff.to.date ?? new Date().toISOString().slice(0, 10);
}

async function send(
	c: Context<AppEnv>,
	diff: StructuredDiff,
	format: DiffFormat,
	inline: boolean,
	headers: Record<string, string>,
) {
	const { body, headers: own } = await represent(diff, format, {
		inlineStyles: inline,
		date: comparisonDate(diff),
	});
	return new Response(body, { status: 200, headers: { ...headers, ...own, vary: "accept" } });
}

export const diffHandler: RouteHandler<typeof diffRoute, AppEnv> = async (c) => {
	const q = c.req.valid("query");
	const format = negotiateFormat(q.format, c.req.header("accept"));
	const inline = q.inline === "true";
	const { diff, version } = await getDiff(c.var.services, q.from, q.to);
	const etag = `"${version}-${format}${inline ? "-inline" : ""}"`;
	const headers = { etag, "cache-control": CACHE_STORED };
	if (matchesEtag(c.req.header("if-none-match"), etag))
		return new Response(null, { status: 304, headers }) as never;
	return (await send(c, diff, format, inline, headers)) as never;
};

export const compareHandler: RouteHandler<typeof compareRoute, AppEnv> = async (c) => {
	const body = c.req.valid("json");
	const format = negotiateFormat(body.format, c.req.header("accept"));
	const diff = await compareDraft(c.var.services, body.base, body.text, c.var.deadline);
	return (await send(c, diff, format, body.inline === true, {
		"cache-control": CACHE_NONE,
	})) as never;
};
