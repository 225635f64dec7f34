import { createRouter } from "../../create-app.ts";
import { provenanceHandler, sourcesHandler } from "./handlers.ts";
import { provenanceRoute, sourcesRoute } from "./routes.ts";

export const provenanceRouter = createRouter()
	.openapi(provenanceRoute, provenanceHandler)
	.openapi(sourcesRoute, sourcesHandler);
