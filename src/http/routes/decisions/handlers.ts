import type { RouteHandler } from "@hono/zod-openapi";
import { decide, decisionsOn, withdraw } from "../../../services/review.ts";
import type { AppEnv } from "../../types.ts";
import type { decideRoute, listDecisionsRoute, withdrawRoute } from "./routes.ts";

export const listDecisionsHandler: RouteHandler<typeof listDecisionsRoute, AppEnv> = async (c) => {
	const q = c.req.valid("query");
	c.header("cache-control", "no-cache");
	return c.json({ decisions: await decisionsOn(c.get("services"), q.from, q.to) }, 200);
};

export const decideHandler: RouteHandler<typeof decideRoute, AppEnv> = async (c) => {
	const body = c.req.valid("json");
	const made = await decide(c.get("services"), body.from, body.to, {
		action: body.action,
		from: body.old,
		to: body.new,
		note: body.note,
	});
	return c.json(made, 201);
};

export const withdrawHandler: RouteHandler<typeof withdrawRoute, AppEnv> = async (c) => {
	return c.json({ decision: await withdraw(c.get("services"), c.req.valid("param").id) }, 200);
};
