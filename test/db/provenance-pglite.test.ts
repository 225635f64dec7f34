import { freshPglite } from "../helpers/db.ts";
import { provenanceSuite } from "./provenance-suite.ts";

provenanceSuite("PGlite", () => freshPglite());
