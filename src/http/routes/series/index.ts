import { createRouter } from "../../create-app.ts";
import {
	getSeriesHandler,
	lineageHandler,
	listSeriesHandler,
	newLanguageHandler,
} from "./handlers.ts";
import { getSeriesRoute, lineageRoute, listSeriesRoute, newLanguageRoute } from "./routes.ts";

export const seriesRouter = createRouter()
	.openapi(listSeriesRoute, listSeriesHandler)
	.openapi(getSeriesRoute, getSeriesHandler)
	.openapi(lineageRoute, lineageHandler)
	.openapi(newLanguageRoute, newLanguageHandler);
