/**
 * The web pages for people: the series at a glance, the lineage picture, the
 * redline between two members, one paragraph's history, a member's new
 * language, a stored text to read whole and the draft comparison. Server-rendered with hono/jsx, usable
 * without JavaScript. Each page gets the services for its request, a time
 * limit and a Content Security Policy that allows only this site's own
 * stylesheet and script; errors leave as HTML pages, never as JSON.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { timeout } from "hono/timeout";
import { nulInAddress } from "../http/address.ts";
import { limitBody } from "../http/body-limit.ts";
import type { AppEnv } from "../http/types.ts";
import { MAX_DOCUMENT_BYTES, megabytes } from "../ingest/limits.ts";
import { serveAsset } from "./assets/index.ts";
import { errorPage, notFoundPage } from "./errors.tsx";
import { COMPARE_BODY_LIMIT, compareFormHandler, compareHandler } from "./pages/compare.tsx";
import { diffHandler, diffPickerHandler, reviewHandler } from "./pages/diff.tsx";
import { homeHandler } from "./pages/home.tsx";
import { lineageHandler } from "./pages/lineage.tsx";
import { newLanguageHandler } from "./pages/new-language.tsx";
import { paragraphHandler } from "./pages/paragraph.tsx";
import { resolutionHandler } from "./pages/resolution.tsx";

/** Longest a page may take when the app sets no limit: the API's own default. */
export const PAGE_TIMEOUT_MS = 10_000;

/** Every address a page answers; the API's addresses are not among them. */
export const PAGE_PATHS = [
	"/",
	"/lineage",
	"/diff",
	"/diff/*",
	"/paragraph/*",
	"/new/*",
	"/resolution/*",
	"/compare",
] as const;

const withServices: MiddlewareHandler<AppEnv> = async (c, next) => {
	c.set("services", await c.get("deps").services(c));
	await next();
};

/** A NUL in the address is refused as a page, naming where it is (see src/http/address.ts). */
const withCleanAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
	const fault = nulInAddress(c.req.url);
	if (fault) throw new HTTPException(400, { message: fault.detail });
	await next();
};

const withTimeLimit: MiddlewareHandler<AppEnv> = (c, next) => {
	const limit = c.get("deps").requestTimeoutMs ?? PAGE_TIMEOUT_MS;
	return timeout(
		limit,
		() =>
			new HTTPException(503, {
				message: `the page took longer than ${limit / 1000} s and was stopped; try again in a moment`,
			}),
	)(c, next);
};

const withSecurityHeaders = secureHeaders({
	contentSecurityPolicy: {
		defaultSrc: ["'none'"],
		styleSrc: ["'self'"],
		scriptSrc: ["'self'"],
		imgSrc: ["'self'"],
		connectSrc: ["'self'"],
		formAction: ["'self'"],
		baseUri: ["'none'"],
		frameAncestors: ["'none'"],
	},
});

export const webRouter = new Hono<AppEnv>();

for (const path of PAGE_PATHS)
	webRouter.use(path, withSecurityHeaders, withCleanAddress, withTimeLimit, withServices);
webRouter.post(
	"/compare",
	limitBody({
		maxSize: COMPARE_BODY_LIMIT,
		onError: () => {
			throw new HTTPException(413, {
				message: `the form is over ${megabytes(MAX_DOCUMENT_BYTES)}, the largest document accepted; send a shorter text or a smaller file`,
			});
		},
	}),
);

webRouter.get("/", homeHandler);
webRouter.get("/lineage", lineageHandler);
webRouter.get("/diff", diffPickerHandler);
webRouter.get("/diff/:from/:to", diffHandler);
webRouter.post("/diff/:from/:to/decisions", reviewHandler);
webRouter.get("/paragraph/:member/:ref", paragraphHandler);
webRouter.get("/new/:member", newLanguageHandler);
webRouter.get("/resolution/:member", resolutionHandler);
webRouter.get("/compare", compareFormHandler);
webRouter.post("/compare", compareHandler);
webRouter.get("/assets/:name", (c) => serveAsset(c, c.req.param("name")) ?? notFoundPage(c));

// Any other address outside the API is a page that does not exist; the API keeps its own answer.
webRouter.use("*", async (c, next) => {
	if (c.req.path === "/api" || c.req.path.startsWith("/api/") || c.req.path === "/healthz") {
		await next();
		return;
	}
	return notFoundPage(c);
});

webRouter.onError((error, c) => errorPage(error, c));
