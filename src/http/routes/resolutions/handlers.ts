import type { RouteHandler } from "@hono/zod-openapi";
import { parseResolution } from "../../../core/parse/index.ts";
import { parseSymbol, withSymbol } from "../../../core/symbol.ts";
import { importOne } from "../../../services/import.ts";
import { getResolution, normaliseSymbol } from "../../../services/resolutions.ts";
import { CACHE_STORED } from "../../cache.ts";
import { HttpProblem } from "../../errors.ts";
import { matchesEtag } from "../../negotiate.ts";
import { problem } from "../../problem.ts";
import type { AppEnv } from "../../types.ts";
import type { getResolutionRoute, importRoute } from "./routes.ts";

export const getResolutionHandler: RouteHandler<typeof getResolutionRoute, AppEnv> = async (c) => {
	const stored = await getResolution(c.get("services"), c.req.valid("param").symbol);
	const etag = `"${stored.source.sha256.slice(0, 32)}"`;
	c.header("etag", etag);
	c.header("cache-control", CACHE_STORED);
	if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304);
	return c.json(stored, 200);
};

async function sha256Hex(text: string): Promise<string> {
	const bytes = new Uint8Array(
		await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
	);
	return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export const importHandler: RouteHandler<typeof importRoute, AppEnv> = async (c) => {
	const body = c.req.valid("json");
	// The same rule as `resdiff import --symbol`: a resolution symbol, nothing that could name a path.
	if (body.symbol !== undefined && !parseSymbol(body.symbol))
		throw new HttpProblem(
			problem(
				422,
				"invalid-symbol",
				`symbol: "${body.symbol}" is not a resolution symbol (such as 37/39, 37-39 or A/HRC/RES/37/39)`,
				{ errors: [{ path: "symbol", message: "not a resolution symbol" }] },
			),
		);
	const symbol = body.symbol ? normaliseSymbol(body.symbol) : undefined;
	const parsed = parseResolution(body.text, { symbol });
	const resolution = symbol ? withSymbol(parsed, symbol) : parsed;
	const outcome = await importOne(
		c.get("services"),
		{
			resolution,
			source: { name: body.name ?? "posted text", sha256: await sha256Hex(body.text) },
		},
		{ replace: body.replace === true, ...(body.series ? { seriesId: body.series } : {}) },
	);
	return c.json(outcome, outcome.status === "unchanged" ? 200 : 201);
};
