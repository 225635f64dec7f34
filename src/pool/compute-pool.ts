/**
 * The compute pool on Node: piscina worker threads, one per core, with a
 * bounded queue. A full queue is refused at once (BusyError, 503 with
 * Retry-After); a job whose request passed its limit is dropped from the
 * queue or its thread terminated (TimeLimitError), so no comparison outlives
 * its request. One thread is kept warm; the others start when work arrives.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { BusyError, type Compute, TimeLimitError, timeLimitMessage } from "../services/compute.ts";
import { fromWire, type Job, type JobResult } from "../services/jobs.ts";
import type { WorkerAnswer } from "./compute-worker.ts";
import { packJob } from "./pack.ts";

/** Jobs that may wait for a thread when all are busy; more are refused. */
export const DEFAULT_QUEUE = 64;
/**
 * Each thread's young generation, in MB. Left to V8 it grows to 48 MB a
 * thread under load; a job's garbage is short-lived, so 8 MB collects it as
 * well, and the service's peak RSS under bench:http-like load fell by about
 * 50 MB (360 MB against 400-420) with no change in throughput we could see.
 */
export const THREAD_YOUNG_GENERATION_MB = 8;
/** How long a thread beyond the first is kept idle before it stops. */
const IDLE_MS = 30_000;

export interface ComputePoolOptions {
	/** Worker threads; the machine's available parallelism by default, at least 1. */
	readonly threads?: number;
	/** Jobs waiting beyond the running ones; DEFAULT_QUEUE by default. */
	readonly queue?: number;
}

export interface ComputePool extends Compute {
	/** Worker threads at most. */
	readonly threads: number;
	/** Stops every thread; jobs still waiting or running are abandoned. */
	close(): Promise<void>;
}

/**
 * The worker's file: the compiled bundle beside this one (dist/, `npm start`),
 * or the TypeScript sources through tsx (tests, `tsx src/node.ts`; see source-worker.mjs).
 */
function workerFile(): string {
	const here = import.meta.url;
	return new URL(here.endsWith(".ts") ? "./source-worker.mjs" : "./compute-worker.mjs", here).href;
}

export function startComputePool(options: ComputePoolOptions = {}): ComputePool {
	const threads = Math.max(1, options.threads ?? availableParallelism());
	const queue = Math.max(0, options.queue ?? DEFAULT_QUEUE);
	const pool = new Piscina({
		filename: workerFile(),
		name: "runComputeJob",
		// One thread starts with the pool and loads the readers then, so the first upload does not pay
		// for it; the others start under load and stop when idle again, leaving an idle service small.
		minThreads: 1,
		maxThreads: threads,
		idleTimeout: IDLE_MS,
		// One job at a time per thread: comparisons are CPU-bound.
		concurrentTasksPerWorker: 1,
		resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
	});

	/** Jobs running or waiting: the queue is bounded here, as piscina's own bound skips jobs that carry an abort signal. */
	let admitted = 0;
	return {
		async run(job: Job, signal?: AbortSignal): Promise<JobResult> {
			if (signal?.aborted) throw new TimeLimitError(timeLimitMessage(signal));
			if (admitted >= threads + queue) throw busyError(threads, queue);
			admitted++;
			// The job's own signal follows the request's only while the job runs: piscina would
			// otherwise terminate the thread on a later abort, though it has moved to another job.
			const own = new AbortController();
			const follow = () => own.abort(signal?.reason);
			signal?.addEventListener("abort", follow, { once: true });
			let answer: WorkerAnswer;
			try {
				answer = (await pool.run(packJob(job), { signal: own.signal })) as WorkerAnswer;
			} catch (error) {
				if (signal?.aborted) throw new TimeLimitError(timeLimitMessage(signal));
				throw error;
			} finally {
				signal?.removeEventListener("abort", follow);
				admitted--;
			}
			if (answer.ok) return answer.result;
			throw await fromWire(answer.error);
		},
		threads,
		close: () => pool.close({ force: true }),
	};
}

function busyError(threads: number, queue: number): BusyError {
	return new BusyError(
		`every comparison worker is busy (${threads} running, ${queue} waiting); try again in a moment`,
	);
}
