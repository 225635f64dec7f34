/**
 * Answers to GET /api/diff kept as bytes for a few seconds (the services'
 * MemoryCache, cleared on every import): a popular comparison is sent again
 * before validation, database or rendering, and `If-None-Match` still gets 304.
 */
import type { Context, MiddlewareHandler } from "hono";
import { matchesEtag } from "./negotiate.ts";
import type { AppEnv } from "./types.ts";

/** "Cache-Control: no-cache" on a request asks for the comparison made anew. */
export function wantsFresh(c: Context): boolean {
	return /no-cache/i.test(c.req.header("cache-control") ?? "");
}

/** One answer per address and Accept header: those two decide the representation. */
export function responseKey(c: Context): string {
	return `${c.req.url}\u0000${c.req.header("accept") ?? ""}`;
}

export const rememberedAnswers: MiddlewareHandler<AppEnv> = async (c, next) => {
	if (c.req.method !== "GET" || wantsFresh(c)) return next();
	// c.get, not c.var: Hono builds c.var anew, as an object of every variable, on each read.
	const memory = (await c.get("deps").services(c)).memory;
	const hit = memory?.responses.get(responseKey(c));
	if (!hit) return next();
	if (matchesEtag(c.req.header("if-none-match"), hit.etag)) {
		const { etag, "cache-control": cacheControl = "", vary = "" } = hit.headers;
		return new Response(null, {
			status: 304,
			headers: { etag: etag ?? hit.etag, "cache-control": cacheControl, vary },
		});
	}
	return new Response(hit.body, { status: 200, headers: hit.headers });
};
