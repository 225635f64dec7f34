import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { StructuredDiff } from "../../../core/diff/index.ts";
import { compareDraft, getDiff } from "../../../services/resolutions.ts";
import { CACHE_NONE, CACHE_STORED } from "../../cache.ts";
import { type DiffFormat, matchesEtag, negotiateFormat } from "../../negotiate.ts";
import { represent, representCached } from "../../represent.ts";
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
	// "Cache-Control: no-cache" asks for the comparison made anew, not read from memory or storage.
	const fresh = /no-cache/i.test(c.req.header("cache-control") ?? "");
	const { diff, version } = await getDiff(c.var.services, q.from, q.to, {
		fresh,
		deadline: c.var.deadline,
	});
	const etag = `"${version}-${format}${inline ? "-inline" : ""}"`;
	const headers = { etag, "cache-control": CACHE_STORED, vary: "accept" };
	if (matchesEtag(c.req.header("if-none-match"), etag))
		return new Response(null, { status: 304, headers }) as never;
	const options = { inlineStyles: inline, date: comparisonDate(diff) };
	const { body, headers: own } = fresh
		? await represent(diff, format, options)
		: await representCached(etag, diff, format, options);
	return new Response(body, { status: 200, headers: { ...headers, ...own } }) as never;
};

export const compareHandler: RouteHandler<typeof compareRoute, AppEnv> = async (c) => {
	const body = c.req.valid("json");
	const format = negotiateFormat(body.format, c.req.header("accept"));
	const diff = await compareDraft(c.var.services, body.base, body.text, c.var.deadline);
	return (await send(c, diff, format, body.inline === true, {
		"cache-control": CACHE_NONE,
	})) as never;
};
