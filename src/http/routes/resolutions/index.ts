import { requireAdmin } from "../../admin.ts";
import { createRouter } from "../../create-app.ts";
import { getResolutionHandler, importHandler } from "./handlers.ts";
import { getResolutionRoute, importRoute } from "./routes.ts";

export const resolutionsRouter = createRouter();
resolutionsRouter.use("/api/resolutions", async (c, next) =>
	c.req.method === "POST" ? requireAdmin(c, next) : next(),
);
resolutionsRouter
	.openapi(getResolutionRoute, getResolutionHandler)
	.openapi(importRoute, importHandler);
