/** A page's posted form, or a 400 page when the body is not a form at all. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../http/types.ts";

type Form = Awaited<ReturnType<Context<AppEnv>["req"]["parseBody"]>>;

/**
 * Reads the posted form. A body that claims to be multipart or URL-encoded
 * and is not (a missing boundary, a part cut short) is the sender's mistake,
 * answered 400 as the API answers it; the body limit's own 413 passes through.
 */
export async function readForm(c: Context<AppEnv>): Promise<Form> {
	try {
		return await c.req.parseBody();
	} catch (e) {
		if (e instanceof HTTPException) throw e;
		throw new HTTPException(400, {
			message: `the form could not be read: the body is not well-formed ${c.req.header("content-type")?.split(";")[0] ?? "form data"}; send it again from the page`,
		});
	}
}
