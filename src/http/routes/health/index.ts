import { createRouter } from "../../create-app.ts";
import { healthHandler } from "./handlers.ts";
import { healthRoute } from "./routes.ts";

export const healthRouter = createRouter().openapi(healthRoute, healthHandler);
