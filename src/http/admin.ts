/**
 * Write routes need `Authorization: Bearer <RESDIFF_ADMIN_TOKEN>`. The token
 * is compared in constant time (over digests, so its length leaks nothing
 * either) and never written anywhere.
 */
import type { MiddlewareHandler } from "hono";
import { HttpProblem } from "./errors.ts";
import { problem } from "./problem.ts";
import type { AppEnv } from "./types.ts";

const encoder = new TextEncoder();

async function digest(text: string): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** Compares two secrets without an early exit, so timing says nothing about where they differ. */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
	const [a, b] = await Promise.all([digest(given), digest(expected)]);
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return difference === 0;
}

/**
 * Refuses unless `given` is the admin token: 403 when the server has none
 * configured or the token differs, 401 when none was given.
 */
export async function checkAdminToken(expected: string | undefined, given: string): Promise<void> {
	if (!expected) {
		throw new HttpProblem(
			problem(
				403,
				"writes-disabled",
				"write routes are disabled on this server: it has no RESDIFF_ADMIN_TOKEN configured",
			),
		);
	}
	if (given === "") {
		throw new HttpProblem(
			problem(401, "unauthorized", "this needs the admin token (Authorization: Bearer <token>)"),
		);
	}
	if (!(await sameSecret(given, expected))) {
		throw new HttpProblem(problem(403, "forbidden", "the token given is not the admin token"));
	}
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
	const header = c.req.header("authorization") ?? "";
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	const given = match?.[1] ?? "";
	const local = c.get("deps").localToken;
	if (!(local && given && (await sameSecret(given, local))))
		await checkAdminToken(c.get("deps").adminToken, given);
	await next();
};
