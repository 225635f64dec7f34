import { requireAdmin } from "../../admin.ts";
import { createRouter } from "../../create-app.ts";
import { decideHandler, listDecisionsHandler, withdrawHandler } from "./handlers.ts";
import { decideRoute, listDecisionsRoute, withdrawRoute } from "./routes.ts";

export const decisionsRouter = createRouter();
decisionsRouter.use("/api/decisions/*", async (c, next) =>
	c.req.method === "GET" ? next() : requireAdmin(c, next),
);
decisionsRouter.use("/api/decisions", async (c, next) =>
	c.req.method === "GET" ? next() : requireAdmin(c, next),
);
decisionsRouter
	.openapi(listDecisionsRoute, listDecisionsHandler)
	.openapi(decideRoute, decideHandler)
	.openapi(withdrawRoute, withdrawHandler);
