/**
 * The resdiff app: the API under /api with its OpenAPI document and reference
 * page, and the health check. Runtime-neutral: Node and Workers entries give
 * it their database through `deps.services`.
 */
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
// The constant alone: the parser's zod schemas must be made after @hono/zod-openapi extends zod.
import { MAX_TEXT_BYTES } from "./core/parse/normalise.ts";
import { createRouter } from "./http/create-app.ts";
import { DOCS_PATH, docsRouter } from "./http/docs.ts";
import { toProblem } from "./http/errors.ts";
import { rememberedAnswers } from "./http/memory.ts";
import { problem, problemResponse } from "./http/problem.ts";
import { decisionsRouter } from "./http/routes/decisions/index.ts";
import { diffRouter } from "./http/routes/diff/index.ts";
import { healthRouter } from "./http/routes/health/index.ts";
import { provenanceRouter } from "./http/routes/provenance/index.ts";
import { resolutionsRouter } from "./http/routes/resolutions/index.ts";
import { searchRouter } from "./http/routes/search/index.ts";
import { seriesRouter } from "./http/routes/series/index.ts";
import type { AppDeps } from "./http/types.ts";
import { megabytes } from "./ingest/limits.ts";
import { VERSION } from "./version.ts";
import { webRouter } from "./web/index.ts";

/** Largest request body: the text the parser accepts (2 MB), plus room for the JSON around it. */
export const MAX_BODY_BYTES = MAX_TEXT_BYTES + 64 * 1024;
/** Longest a request may take before it is answered 503. */
export const REQUEST_TIMEOUT_MS = 10_000;

export function buildApp(deps: AppDeps) {
	const limit = deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
	const app = createRouter();

	app.use("*", async (c, next) => {
		c.set("deps", deps);
		// Work that can be cut short (redlines) stops a little before the request would time out.
		c.set("deadline", Date.now() + limit * 0.8);
		await next();
	});
	// Before the other middleware: a remembered comparison needs none of it.
	app.use("/api/diff", rememberedAnswers);
	app.use(
		"/api/*",
		bodyLimit({
			maxSize: MAX_BODY_BYTES,
			// The rest of the body is not read, so the connection cannot carry another request.
			onError: () =>
				problemResponse(
					problem(
						413,
						"body-too-large",
						`the request body is over ${MAX_BODY_BYTES} bytes (${megabytes(MAX_TEXT_BYTES)} of text and its JSON)`,
					),
					{
						connection: "close",
					},
				),
		}),
	);
	const tooSlow = () =>
		new HTTPException(503, {
			res: problemResponse(
				problem(503, "timeout", `the request took longer than ${limit / 1000} s and was stopped`),
				{
					"retry-after": "5",
				},
			),
		});
	app.use("/api/*", timeout(limit, tooSlow));
	for (const path of ["/api/*", "/healthz"]) {
		app.use(path, async (c, next) => {
			// The description and its reference page need no database.
			const path = c.req.path;
			if (path === "/api/openapi.json" || path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`))
				return next();
			c.set("services", await deps.services(c));
			await next();
		});
	}

	app.route("/", seriesRouter);
	app.route("/", resolutionsRouter);
	app.route("/", provenanceRouter);
	app.route("/", diffRouter);
	app.route("/", decisionsRouter);
	app.route("/", searchRouter);
	app.route("/", healthRouter);

	app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
		type: "http",
		scheme: "bearer",
	});
	app.doc31("/api/openapi.json", {
		openapi: "3.1.0",
		info: {
			title: "resdiff",
			version: VERSION,
			description:
				"Compare successive versions of a UN resolution paragraph by paragraph: what changed, what is new, where a paragraph came from. Errors are application/problem+json (RFC 9457).",
		},
	});
	app.route("/", docsRouter);
	// The web pages, after the API so that its addresses keep their own answers.
	app.route("/", webRouter);

	app.notFound((c) =>
		problemResponse(
			problem(
				404,
				"no-route",
				`nothing at ${c.req.method} ${c.req.path}; the API is described at ${DOCS_PATH}`,
			),
		),
	);
	app.onError((error) => {
		if (error instanceof HTTPException) {
			// Hono's own refusals (malformed JSON, say) leave as problems too.
			const slug = error.status === 400 ? "malformed-request" : "http";
			return error.res
				? error.getResponse()
				: problemResponse(
						problem(error.status, slug, error.message || "the request could not be handled"),
					);
		}
		const p = toProblem(error);
		if (p.status === 500) deps.logError?.(error);
		return problemResponse(p);
	});
	return app;
}

export type App = ReturnType<typeof buildApp>;
