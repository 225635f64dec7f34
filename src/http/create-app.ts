/**
 * The app factory: one error contract for every route. Validation failures
 * go through one hook, every thrown error through one handler, and both leave
 * as problem+json.
 */

import type { Hook } from "@hono/zod-openapi";
import { OpenAPIHono } from "@hono/zod-openapi";
import { problem, problemResponse } from "./problem.ts";
import type { AppEnv } from "./types.ts";

/** Validation failures as a 400 problem that lists each field and what is wrong with it. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
	if (result.success) return;
	const errors = result.error.issues.map((i) => ({
		path: i.path.join(".") || "(body)",
		message: i.message,
	}));
	const detail = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
	return problemResponse(problem(400, "validation", detail, { errors }));
};

/** A router whose routes share the validation hook. */
export function createRouter(): OpenAPIHono<AppEnv> {
	return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
