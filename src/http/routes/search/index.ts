import { createRouter } from "../../create-app.ts";
import { searchHandler } from "./handlers.ts";
import { searchRoute } from "./routes.ts";

export const searchRouter = createRouter().openapi(searchRoute, searchHandler);
