import { freshPostgres } from "../helpers/db.ts";
import { provenanceSuite } from "./provenance-suite.ts";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn("\n[notice] phrase provenance on PostgreSQL: skipped, DATABASE_URL is not set\n");
if (serverUrl) provenanceSuite("PostgreSQL", () => freshPostgres(serverUrl));
