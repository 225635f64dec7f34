/**
 * The request body's size limit, decided from Content-Length when the
 * request states one. Hono's bodyLimit first asks for the body's stream,
 * and on Node that makes the adapter build a web Request and a stream
 * around the socket for every request; a body nobody asked a stream of is
 * read straight from the socket instead. A body without a stated length
 * (chunked) is still counted as it arrives, by Hono's middleware.
 */
import type { Env, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

type BodyLimitOptions = Parameters<typeof bodyLimit>[0];

export function limitBody<E extends Env>(options: BodyLimitOptions): MiddlewareHandler<E> {
	const counting = bodyLimit(options);
	return async (c, next) => {
		// Node's adapter gives GET and HEAD requests no body, as Hono's middleware then finds.
		if (c.req.method === "GET" || c.req.method === "HEAD") return next();
		const length = c.req.header("content-length");
		if (length === undefined || c.req.header("transfer-encoding") !== undefined)
			return counting(c, next);
		if (Number.parseInt(length, 10) > options.maxSize)
			return options.onError ? options.onError(c) : counting(c, next);
		return next();
	};
}
