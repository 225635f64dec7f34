/**
 * Errors as `application/problem+json` (RFC 9457): every error the API sends
 * has this shape, whatever produced it.
 */
import { z } from "@hono/zod-openapi";

export const PROBLEM_TYPE = "application/problem+json";

export const Problem = z
	.object({
		type: z.string().openapi({ example: "/problems/not-found" }),
		title: z.string().openapi({ example: "Not found" }),
		status: z.number().int().openapi({ example: 404 }),
		detail: z
			.string()
			.openapi({ example: "no stored resolution A/HRC/RES/12/34; stored: A/HRC/RES/37/39" }),
		/** What would have been found: the stored symbols, the known series. */
		known: z.array(z.string()).optional(),
		/** Where in a posted text the problem is. */
		line: z.number().int().optional(),
		/** Which request fields failed validation, and why. */
		errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
	})
	.openapi("Problem");
export type Problem = z.infer<typeof Problem>;

const TITLES: Record<number, string> = {
	400: "Bad request",
	401: "Unauthorized",
	403: "Forbidden",
	404: "Not found",
	409: "Conflict",
	413: "Content too large",
	415: "Unsupported media type",
	422: "Unprocessable text",
	500: "Internal error",
	503: "Service unavailable",
};

/** A problem of the given status; `slug` names its type. */
export function problem(
	status: number,
	slug: string,
	detail: string,
	extra: Partial<Problem> = {},
): Problem {
	return { type: `/problems/${slug}`, title: TITLES[status] ?? "Error", status, detail, ...extra };
}

/** Seconds a client should wait before asking again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/** The response for a problem: its status, its media type, never cached; a 503 says when to retry. */
export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
	const retry: Record<string, string> =
		p.status === 503 ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {};
	return new Response(JSON.stringify(p), {
		status: p.status,
		headers: { "content-type": PROBLEM_TYPE, "cache-control": "no-store", ...retry, ...headers },
	});
}

/** Responses every route may give, for its OpenAPI declaration. */
export function problemResponses(...statuses: number[]) {
	return Object.fromEntries(
		statuses.map((s) => [
			s,
			{ description: TITLES[s] ?? "Error", content: { [PROBLEM_TYPE]: { schema: Problem } } },
		]),
	);
}
