import { createRouter } from "../../create-app.ts";
import { compareHandler, diffHandler } from "./handlers.ts";
import { compareRoute, diffRoute } from "./routes.ts";

export const diffRouter = createRouter()
	.openapi(diffRoute, diffHandler)
	.openapi(compareRoute, compareHandler);
