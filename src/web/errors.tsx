/**
 * Errors on the pages: the same status the API would give (one mapping,
 * src/http/errors.ts), told as an HTML page with the message in words and,
 * where the error knows them, what the reader could have asked for instead.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { toProblem } from "../http/errors.ts";
import { RETRY_AFTER_SECONDS } from "../http/problem.ts";
import type { AppEnv } from "../http/types.ts";
import { Layout } from "./layout.tsx";
import { seriesHref } from "./paths.ts";
import { sendPage } from "./respond.ts";

export type PageStatus = 400 | 401 | 403 | 404 | 413 | 415 | 422 | 500 | 503;

/** A heading for each status, in the reader's words. */
const HEADINGS: Readonly<Record<PageStatus, string>> = {
	400: "That request cannot be answered",
	401: "The admin token is needed",
	403: "Not allowed",
	404: "Not found",
	413: "Too large",
	415: "That file type is not read",
	422: "That text cannot be read",
	500: "Something went wrong",
	503: "The service is busy",
};

export interface PageProblem {
	readonly status: PageStatus;
	readonly detail: string;
	/** What would have been found: stored symbols, known series. */
	readonly known: readonly string[];
}

function pageStatus(status: number): PageStatus {
	return status in HEADINGS ? (status as PageStatus) : status >= 500 ? 500 : 400;
}

/** What to tell the reader about an error, and with which status. */
export function pageProblem(error: unknown): PageProblem {
	if (error instanceof HTTPException) {
		return {
			status: pageStatus(error.status),
			detail: error.message || "the request could not be handled",
			known: [],
		};
	}
	const p = toProblem(error);
	return { status: pageStatus(p.status), detail: p.detail, known: p.known ?? [] };
}

export function headingFor(status: PageStatus): string {
	return HEADINGS[status];
}

/** Capitalises the first letter of a message written to follow a colon. */
export function sentence(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function ErrorPage(props: { problem: PageProblem }) {
	const { status, detail, known } = props.problem;
	return (
		<Layout title={headingFor(status)}>
			<div class="error-page">
				<h1>{headingFor(status)}</h1>
				<p class="status">Status {status}</p>
				<div class="alert" role="alert">
					<p>{sentence(detail)}</p>
				</div>
				{known.length > 0 && (
					<>
						<h2>What there is</h2>
						<ul class="inline-list">
							{known.map((k) => (
								<li>
									<code>{k}</code>
								</li>
							))}
						</ul>
					</>
				)}
				<p>
					<a href={seriesHref()}>Go to the series</a>, or <a href="/api/docs">read the API</a>.
				</p>
			</div>
		</Layout>
	);
}

/** The page for an error thrown by a page handler; bugs are logged, their details never shown. */
export function errorPage(error: unknown, c: Context<AppEnv>): Response | Promise<Response> {
	const problem = pageProblem(error);
	if (problem.status === 500) c.get("deps")?.logError?.(error);
	if (problem.status === 503) c.header("retry-after", String(RETRY_AFTER_SECONDS));
	return sendPage(c, <ErrorPage problem={problem} />, problem.status, "no-store");
}

/** The page for an address no page answers. */
export function notFoundPage(c: Context<AppEnv>): Response | Promise<Response> {
	return errorPage(new HTTPException(404, { message: `there is no page at ${c.req.path}` }), c);
}
