/**
 * Where the CPU-heavy work of a request runs (see jobs.ts). On Node a pool of
 * worker threads (src/pool/) runs it off the event loop, so the health check
 * and remembered answers stay quick and both cores work; where there is no
 * pool (Workers, the CLI) it runs in this thread.
 */
import { ResdiffError } from "../core/errors.ts";
import { type Job, type JobResult, runJob } from "./jobs.ts";

export interface Compute {
	/**
	 * Runs a job. `signal` is the request's hard limit: when it aborts, the
	 * job is dropped from the queue or its worker stopped, and this rejects
	 * with TimeLimitError.
	 *
	 * @throws BusyError at once when the queue is full.
	 */
	run(job: Job, signal?: AbortSignal): Promise<JobResult>;
}

/** Every worker busy and the queue full: try again shortly. */
export class BusyError extends ResdiffError {
	override name = "BusyError";
	/** Seconds after which a retry is likely to find room. */
	readonly retryAfter = 2;
}

/** The request's time limit passed before its comparison was done; the work was stopped. */
export class TimeLimitError extends ResdiffError {
	override name = "TimeLimitError";
	readonly retryAfter = 5;
}

/** Runs jobs in this thread: the Worker runtime's path, and the default where no pool is given. */
export const inProcessCompute: Compute = {
	async run(job, signal) {
		if (signal?.aborted) throw new TimeLimitError(timeLimitMessage(signal));
		return runJob(job);
	},
};

/** Why a request's work was stopped when its client closed the connection before the answer. */
export function clientLeft(): Error {
	const reason = new Error("the client closed the connection before the answer");
	reason.name = "ClientLeft";
	return reason;
}

/** Whether a signal's reason is clientLeft()'s. */
export function isClientLeft(reason: unknown): reason is Error {
	return reason instanceof Error && reason.name === "ClientLeft";
}

/** Why the work stopped in the signal's own words (the limit, or the client leaving), else a general sentence. */
export function timeLimitMessage(signal: AbortSignal): string {
	const reason: unknown = signal.reason;
	return reason instanceof Error && (reason.name === "TimeLimit" || reason.name === "ClientLeft")
		? reason.message
		: "the comparison took longer than the time limit and was stopped";
}
