/**
 * The one place that reads the environment (with env-storage.ts, which `npm
 * start` reads first). `parseEnv` takes any record, so the same code reads
 * `process.env` on Node and a Worker's `env` binding.
 */
import { z } from "zod";
import { ConfigError } from "./core/errors.ts";
import { DEFAULT_DATA_DIR } from "./env-storage.ts";

const EnvSchema = z.object({
	/** Folder with the official texts and manifest.json. */
	RESDIFF_CORPUS: z.string().min(1).default("corpus"),
	/** PGlite's data folder when DATABASE_URL is unset. */
	RESDIFF_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
	/** A PostgreSQL connection string; when set, the service uses that server instead of PGlite. */
	DATABASE_URL: z.string().min(1).optional(),
	PORT: z.coerce.number().int().min(0).max(65535).default(8787),
	/** Bearer token for write routes; without it they answer 403. */
	RESDIFF_ADMIN_TOKEN: z.string().min(1).optional(),
	/** Worker threads that compare (Node); the machine's available parallelism by default. */
	RESDIFF_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
	/** Comparisons that may wait for a worker; more are answered 503 at once. */
	RESDIFF_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
	/** Longest a request may take, in milliseconds, before it is stopped and answered 503. */
	RESDIFF_TIME_LIMIT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
	/**
	 * On SIGTERM, how long requests already accepted may run before they are cut off;
	 * longer than the 10 s request limit, so a request that just began can still finish.
	 */
	RESDIFF_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(15),
	/** Base address of the UN Official Document System. */
	RESDIFF_ODS_URL: z.string().url().default("https://documents.un.org"),
});

export type Env = z.infer<typeof EnvSchema>;

/** Reads settings from a record of strings; empty values count as unset. */
export function parseEnv(record: Record<string, string | undefined>): Env {
	const present = Object.fromEntries(
		Object.entries(record).filter(([, v]) => v !== undefined && v !== ""),
	);
	const parsed = EnvSchema.safeParse(present);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
		throw new ConfigError(`invalid environment: ${issues}`);
	}
	return parsed.data;
}

/** The Node process's settings. */
export function nodeEnv(): Env {
	return parseEnv(process.env);
}
