/**
 * A worker thread of the compute pool: runs one job at a time (see
 * services/jobs.ts). Errors go back as plain data, so the main thread can
 * rebuild the domain error and answer it with the status it always had.
 */
import { move, transferableSymbol, valueSymbol } from "piscina";
import { type JobResult, runJob, toWire, type WireError } from "../services/jobs.ts";
import { type PackedJob, ParsedResolutions } from "./pack.ts";

// The document readers load (and, from sources, compile) while the thread waits for its first job.
import("../ingest/read.ts").catch(() => {});

export type WorkerAnswer =
	| { readonly ok: true; readonly result: JobResult }
	| { readonly ok: false; readonly error: WireError };

const parsed = new ParsedResolutions();
const encoder = new TextEncoder();

export async function runComputeJob(
	job: PackedJob & { readonly running?: Int32Array },
): Promise<WorkerAnswer> {
	// Tells the pool the job has left the queue (see CLIENT_LEFT_GRACE_MS).
	if (job.running) Atomics.store(job.running, 0, 1);
	try {
		return handOver(await runJob(parsed.unpack(job)));
	} catch (error) {
		return { ok: false, error: toWire(error) };
	}
}

/**
 * A rendered body crosses as bytes whose buffer is moved, not copied: encoded
 * here, it is neither copied as a string nor encoded again by the main
 * thread, whose heap it never enters (under draft load those bodies were
 * much of what the main thread's collector had to clear).
 */
function handOver(result: JobResult): WorkerAnswer {
	if (result.kind !== "represent" || typeof result.represented.body !== "string")
		return { ok: true, result };
	const encoded = encoder.encode(result.represented.body);
	// The buffer moves whole, so it must hold exactly these bytes.
	const body =
		encoded.byteOffset === 0 && encoded.byteLength === encoded.buffer.byteLength
			? encoded.buffer
			: encoded.slice().buffer;
	const answer: WorkerAnswer = {
		ok: true,
		result: { ...result, represented: { ...result.represented, body } },
	};
	// piscina sends the value and moves the buffer; the main thread receives the answer itself.
	return move({ [transferableSymbol]: body, [valueSymbol]: answer }) as unknown as WorkerAnswer;
}
