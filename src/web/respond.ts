/** Sending a page: the doctype, the status, and headers that suit HTML built from stored data. */
import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * The response for a rendered page.
 *
 * @example
 * return sendPage(c, <HomePage {...props} />);
 */
export function sendPage(
	c: Context,
	page: HtmlEscapedString | Promise<HtmlEscapedString>,
	status: 200 | 400 | 401 | 403 | 404 | 413 | 415 | 422 | 500 | 503 = 200,
	// Pages follow the stored texts, which an import can change at any time.
	cacheControl = "no-cache",
): Response | Promise<Response> {
	c.header("cache-control", cacheControl);
	return c.html(html`<!DOCTYPE html>${page}`, status);
}
