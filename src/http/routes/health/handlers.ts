import type { RouteHandler } from "@hono/zod-openapi";
import { countResolutions } from "../../../services/resolutions.ts";
import type { AppEnv } from "../../types.ts";
import type { healthRoute } from "./routes.ts";

export const healthHandler: RouteHandler<typeof healthRoute, AppEnv> = async (c) => {
	c.header("cache-control", "no-store");
	return c.json(
		{ status: "ok" as const, resolutions: await countResolutions(c.get("services")) },
		200,
	);
};
