/**
 * The resdiff app: the API under /api with its OpenAPI document and reference
 * page, and the health check. Runtime-neutral: Node and Workers entries give
 * it their database through `deps.services`.
 */
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
// The constant alone: the parser's zod schemas must be made after @hono/zod-openapi extends zod.
import { MAX_TEXT_BYTES } from "./core/parse/normalise.ts";
import { nulInAddress } from "./http/address.ts";
import { limitBody } from "./http/body-limit.ts";
import { createRouter } from "./http/create-app.ts";
import { DOCS_PATH, docsRouter } from "./http/docs.ts";
import { retryAfter, toProblem } from "./http/errors.ts";
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
import { firstInvalidUtf8 } from "./ingest/detect.ts";
import { megabytes } from "./ingest/limits.ts";
import { clientLeft } from "./services/compute.ts";
import { VERSION } from "./version.ts";
import { webRouter } from "./web/index.ts";

/** Largest request body: the text the parser accepts (2 MB), plus room for the JSON around it. */
export const MAX_BODY_BYTES = MAX_TEXT_BYTES + 64 * 1024;
/** Longest a request may take before it is answered 503. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Why a request's work was stopped: the words of its time-limit answer. */
function timeLimit(limit: number): Error {
	const reason = new Error(`the request took longer than ${limit / 1000} s and was stopped`);
	reason.name = "TimeLimit";
	return reason;
}

const utf8 = new TextDecoder();

export function buildApp(deps: AppDeps) {
	const limit = deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
	const app = createRouter();
	// Once the answer has gone, whatever still runs for it is stopped with this reason: made once,
	// as an Error's stack capture per request was the costliest line of a remembered answer.
	const answered = timeLimit(limit);

	app.use("*", async (c, next) => {
		c.set("deps", deps);
		const started = Date.now();
		// Work that can be cut short (redlines) stops a little before the request would time out.
		c.set("deadline", started + limit * 0.8);
		// Comparisons in the pool stop at the limit, and when the answer has gone (the limit's own 503).
		// The controller is made only when a route asks for it: most requests (remembered answers,
		// pages read from the database) never do, and its signal and listeners cost more than they do.
		let stop: AbortController | undefined;
		let cut: ReturnType<typeof setTimeout> | undefined;
		let client: AbortSignal | undefined;
		// A client that goes away takes its work with it: its comparison leaves the queue (or its
		// thread, after a grace) instead of holding a place that other requests then find taken.
		const left = () => stop?.abort(clientLeft());
		c.set("stop", () => {
			if (stop) return stop.signal;
			const own = new AbortController();
			stop = own;
			cut = setTimeout(() => own.abort(timeLimit(limit)), limit - (Date.now() - started));
			client = c.req.raw.signal;
			if (client.aborted) left();
			else client.addEventListener("abort", left, { once: true });
			return own.signal;
		});
		try {
			await next();
		} finally {
			if (stop) {
				clearTimeout(cut);
				client?.removeEventListener("abort", left);
				stop.abort(answered);
			}
		}
	});
	for (const path of ["/api/*", "/healthz"]) {
		app.use(path, async (c, next) => {
			const fault = nulInAddress(c.req.url);
			if (fault)
				return problemResponse(
					problem(400, "invalid-address", fault.detail, {
						errors: [{ path: fault.path, message: fault.detail }],
					}),
				);
			await next();
		});
	}
	// Before the other middleware: a remembered comparison needs none of it.
	app.use("/api/diff", rememberedAnswers);
	app.use(
		"/api/*",
		limitBody({
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
	// A JSON body must be UTF-8: bytes that are not would otherwise be read silently as U+FFFD.
	app.use("/api/*", async (c, next) => {
		if (/^application\/json/i.test(c.req.header("content-type") ?? "")) {
			const bytes = new Uint8Array(await c.req.arrayBuffer());
			const offset = firstInvalidUtf8(bytes);
			if (offset < bytes.length)
				return problemResponse(
					problem(
						400,
						"invalid-encoding",
						`the request body is not valid UTF-8: byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")} at offset ${offset}`,
					),
				);
			// The validator reads the JSON as text next: decoded here, from the bytes already read,
			// Hono would otherwise make a web Response of them to decode them again.
			// (Hono keeps promises there, whatever its type says.)
			(c.req.bodyCache as unknown as { text?: Promise<string> }).text = Promise.resolve(
				utf8.decode(bytes),
			);
		}
		await next();
	});
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
		return problemResponse(p, p.status === 503 ? { "retry-after": String(retryAfter(error)) } : {});
	});
	return app;
}

export type App = ReturnType<typeof buildApp>;
