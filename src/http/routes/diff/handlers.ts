import type { RouteHandler, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { InvalidInputError } from "../../../core/errors.ts";
import { draftInput } from "../../../services/drafts.ts";
import { comparisonDate, type DraftInput, type JobResult } from "../../../services/jobs.ts";
import { compareDraft, freshDiff, getDiff } from "../../../services/resolutions.ts";
import { CACHE_NONE, CACHE_STORED } from "../../cache.ts";
import { responseKey, wantsFresh } from "../../memory.ts";
import { type DiffFormat, matchesEtag, negotiateFormat } from "../../negotiate.ts";
import { represent } from "../../represent.ts";
import type { AppEnv } from "../../types.ts";
import type { CompareBody, CompareUpload, compareRoute, diffRoute } from "./routes.ts";

const encoder = new TextEncoder();

/** A body rendered elsewhere (a worker thread), as the response. */
function sendRepresented(result: JobResult, headers: Record<string, string>): Response {
	if (result.kind !== "represent") throw new Error("a rendering job answered with something else");
	const { body, headers: own } = result.represented;
	return new Response(body, { status: 200, headers: { ...headers, ...own, vary: "accept" } });
}

export const diffHandler: RouteHandler<typeof diffRoute, AppEnv> = async (c) => {
	const q = c.req.valid("query");
	const format = negotiateFormat(q.format, c.req.header("accept"));
	const inline = q.inline === "true";
	const work = { deadline: c.get("deadline"), signal: c.get("stop")() };
	if (wantsFresh(c)) {
		// Compared and rendered where the pool runs it; nothing is read from or kept in memory.
		const { version, result } = await freshDiff(
			c.get("services"),
			q.from,
			q.to,
			{ kind: "represent", format, inline },
			work,
		);
		const etag = `"${version}-${format}${inline ? "-inline" : ""}"`;
		const headers = { etag, "cache-control": CACHE_STORED, vary: "accept" };
		if (matchesEtag(c.req.header("if-none-match"), etag))
			return new Response(null, { status: 304, headers }) as never;
		return sendRepresented(result, headers) as never;
	}
	const { diff, version } = await getDiff(c.get("services"), q.from, q.to, work);
	const etag = `"${version}-${format}${inline ? "-inline" : ""}"`;
	const headers = { etag, "cache-control": CACHE_STORED, vary: "accept" };
	if (matchesEtag(c.req.header("if-none-match"), etag))
		return new Response(null, { status: 304, headers }) as never;
	const made = await represent(diff, format, { inlineStyles: inline, date: comparisonDate(diff) });
	const all = { ...headers, ...made.headers };
	const body =
		typeof made.body === "string"
			? (encoder.encode(made.body) as Uint8Array<ArrayBuffer>)
			: made.body;
	// Kept as bytes, so the next request for this address is answered without validation or rendering.
	c.get("services").memory?.responses.set(responseKey(c), { body, headers: all, etag });
	return new Response(body, { status: 200, headers: all }) as never;
};

/** The draft and options of a compare request, from JSON or from a form (an uploaded file, or text). */
async function readRequest(c: Context<AppEnv>): Promise<{
	base: string;
	draft: DraftInput;
	name?: string;
	format?: DiffFormat;
	inline: boolean;
}> {
	if (/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
		const form = (c.req.valid as (t: "form") => z.infer<typeof CompareUpload>)("form");
		return {
			base: form.base,
			draft: await draftInput(form.file ?? null, form.text ?? ""),
			...(form.name ? { name: form.name } : {}),
			...(form.format ? { format: form.format } : {}),
			inline: form.inline === "true",
		};
	}
	const body = (c.req.valid as (t: "json") => Partial<z.infer<typeof CompareBody>>)("json");
	if (!body.base || !body.text) {
		throw new InvalidInputError(
			"send JSON with the member to compare against (base) and the draft's text (text)",
		);
	}
	return {
		base: body.base,
		draft: await draftInput(null, body.text),
		...(body.name ? { name: body.name } : {}),
		...(body.format ? { format: body.format } : {}),
		inline: body.inline === true,
	};
}

export const compareHandler: RouteHandler<typeof compareRoute, AppEnv> = async (c) => {
	const request = await readRequest(c);
	const format = negotiateFormat(request.format, c.req.header("accept"));
	const result = await compareDraft(
		c.get("services"),
		request.base,
		request.draft,
		{ kind: "represent", format, inline: request.inline },
		{
			deadline: c.get("deadline"),
			signal: c.get("stop")(),
			...(request.name ? { name: request.name } : {}),
		},
	);
	return sendRepresented(result, { "cache-control": CACHE_NONE }) as never;
};
