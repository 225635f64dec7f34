// PGlite's own floor for bench:http: PGlite alone, opened on the service's data
// folder with the given start parameters (none: PGlite's defaults), one query
// run, then its resident memory printed from /proc.
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const [, , dir, params] = process.argv;
const extra = JSON.parse(params ?? "[]");
const db = await PGlite.create(dir, {
	extensions: { pg_trgm },
	...(extra.length ? { startParams: extra } : {}),
});
await db.query("select count(*) from paragraphs");
await new Promise((r) => setTimeout(r, 1000));
const status = readFileSync("/proc/self/status", "utf8");
console.log(JSON.stringify({ rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) }));
await db.close();
