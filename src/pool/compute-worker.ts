/**
 * A worker thread of the compute pool: runs one job at a time (see
 * services/jobs.ts). Errors go back as plain data, so the main thread can
 * rebuild the domain error and answer it with the status it always had.
 */
import { type JobResult, runJob, toWire, type WireError } from "../services/jobs.ts";
import { type PackedJob, ParsedResolutions } from "./pack.ts";

// The document readers load (and, from sources, compile) while the thread waits for its first job.
import("../ingest/read.ts").catch(() => {});

export type WorkerAnswer =
	| { readonly ok: true; readonly result: JobResult }
	| { readonly ok: false; readonly error: WireError };

const parsed = new ParsedResolutions();

export async function runComputeJob(job: PackedJob): Promise<WorkerAnswer> {
	try {
		return { ok: true, result: await runJob(parsed.unpack(job)) };
	} catch (error) {
		return { ok: false, error: toWire(error) };
	}
}
