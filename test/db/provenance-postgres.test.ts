import { describe } from "vitest";
import { freshPostgres } from "../helpers/db.ts";
import { provenanceSuite } from "./provenance-suite.ts";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn("\n[notice] phrase provenance on PostgreSQL: skipped, DATABASE_URL is not set\n");
// Declared either way, so that without PostgreSQL the file reads as skipped, not as empty.
describe.skipIf(!serverUrl)("on PostgreSQL", () => {
	provenanceSuite("PostgreSQL", () => freshPostgres(serverUrl ?? ""));
});
