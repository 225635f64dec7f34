/**
 * Whether a PostgreSQL database is ready for the service: there, reachable
 * and migrated. The Worker neither creates nor migrates its database, so it
 * asks once per isolate and, until the answer is yes, answers 503 with the
 * steps that make it ready rather than failing every query with a 500.
 */
import { sql } from "drizzle-orm";
import { connectionReason, DatabaseUnavailableError } from "./errors.ts";
import { rowsOf } from "./rows.ts";
import type { DbHandle } from "./types.ts";

/** The steps, as the README gives them under "On Cloudflare Workers". */
export const SETUP_STEPS =
	"run `npm run db:migrate` and then `npx resdiff import`, with DATABASE_URL set to this database (README: On Cloudflare Workers)";

/** The database is missing, unmigrated or unreachable, with what to do about it. */
export class DatabaseNotReadyError extends DatabaseUnavailableError {
	override name = "DatabaseNotReadyError";
	constructor(address: string, problem: string, fix: string) {
		super(address, problem);
		this.message = `the database ${shownAddress(address)} ${problem}: ${fix}`;
	}
}

/**
 * "at 127.0.0.1:5432/resdiff_dev"; under `wrangler dev` Hyperdrive stands in
 * for the server with a made-up host name, so only the database is named.
 */
function shownAddress(address: string): string {
	const [host = "", ...path] = address.split("/");
	const database = path.join("/");
	return /\.hyperdrive\.local(:\d+)?$/.test(host)
		? `${database} (through Hyperdrive)`
		: `at ${address}`;
}

function driverCode(e: unknown): string | undefined {
	let inner = e as { cause?: unknown; code?: string };
	while (inner?.cause) inner = inner.cause as { cause?: unknown; code?: string };
	return inner?.code;
}

/**
 * Throws DatabaseNotReadyError unless the database answers and holds the
 * service's tables.
 *
 * @example
 * await expectReady(await openPostgresJs(url, { check: false })); // or a 503 naming `npm run db:migrate`
 */
export async function expectReady(handle: DbHandle): Promise<void> {
	let present = false;
	try {
		const rows = rowsOf<{ present: boolean }>(
			await handle.db.execute(sql`select to_regclass('public.resolutions') is not null as present`),
		);
		present = rows[0]?.present === true;
	} catch (e) {
		const database = handle.address.split("/").slice(1).join("/") || "the database";
		if (driverCode(e) === "3D000")
			throw new DatabaseNotReadyError(
				handle.address,
				"does not exist",
				`create it (createdb ${database}), then ${SETUP_STEPS}`,
			);
		throw new DatabaseNotReadyError(
			handle.address,
			`cannot be reached (${connectionReason(e)})`,
			"check that PostgreSQL is running and that the Worker's Hyperdrive connection string names it (wrangler.toml, or DATABASE_URL with npm run dev:worker)",
		);
	}
	if (!present)
		throw new DatabaseNotReadyError(handle.address, "has no resdiff tables yet", SETUP_STEPS);
}
