/**
 * The compute pool on Node: piscina worker threads, one per core, with a
 * bounded queue. A full queue is refused at once (BusyError, 503 with
 * Retry-After); a job whose request passed its limit is dropped from the
 * queue or its thread terminated (TimeLimitError), so no comparison outlives
 * its request. One thread is kept warm; the others start when work arrives.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import {
	BusyError,
	type Compute,
	isClientLeft,
	TimeLimitError,
	timeLimitMessage,
} from "../services/compute.ts";
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
/**
 * How long a running comparison whose client left may go on before its thread
 * is stopped. Most finish in milliseconds, and stopping a thread costs far
 * more than that: a new one loads its modules and V8 compiles the comparison
 * code again, seconds of CPU on the other threads (under bench:http's draft
 * load, about 8 s of compiling per new thread). Jobs still waiting leave at
 * once, and the time limit still stops a running job at once.
 */
export const CLIENT_LEFT_GRACE_MS = 1_000;

export interface ComputePoolOptions {
	/** Worker threads; the machine's available parallelism by default, at least 1. */
	readonly threads?: number;
	/** Jobs waiting beyond the running ones; DEFAULT_QUEUE by default. */
	readonly queue?: number;
	/** CLIENT_LEFT_GRACE_MS by default. */
	readonly clientLeftGraceMs?: number;
}

export interface ComputePool extends Compute {
	/** Worker threads at most. */
	readonly threads: number;
	/** Threads started so far, the first included: each one after the first replaced a stopped or idle thread, or added one under load. */
	threadsStarted(): number;
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

	let started = 0;
	pool.on("workerCreate", () => {
		started++;
	});
	const grace = options.clientLeftGraceMs ?? CLIENT_LEFT_GRACE_MS;

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
			const running = new Int32Array(new SharedArrayBuffer(4));
			let graceTimer: ReturnType<typeof setTimeout> | undefined;
			const follow = () => {
				const reason: unknown = signal?.reason;
				if (isClientLeft(reason) && Atomics.load(running, 0) === 1)
					graceTimer = setTimeout(() => own.abort(reason), grace);
				else own.abort(reason);
			};
			signal?.addEventListener("abort", follow, { once: true });
			let answer: WorkerAnswer;
			try {
				answer = (await pool.run(
					{ ...packJob(job), running },
					{ signal: own.signal },
				)) as WorkerAnswer;
			} catch (error) {
				if (signal?.aborted) throw new TimeLimitError(timeLimitMessage(signal));
				throw error;
			} finally {
				clearTimeout(graceTimer);
				signal?.removeEventListener("abort", follow);
				admitted--;
			}
			if (answer.ok) return answer.result;
			throw await fromWire(answer.error);
		},
		threads,
		threadsStarted: () => started,
		close: () => pool.close({ force: true }),
	};
}

function busyError(threads: number, queue: number): BusyError {
	return new BusyError(
		`every comparison worker is busy (${threads} running, ${queue} waiting); try again in a moment`,
	);
}
