/**
 * A comparison whose client leaves: waiting, it leaves the queue at once;
 * running, it may finish within a grace period, so its thread is kept (a new
 * thread costs seconds of compiling); past the grace its thread is stopped
 * and replaced. Real piscina threads, from the TypeScript sources.
 * The 1.5 MB draft is synthetic (test/helpers/large-draft.ts).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";
import { type ComputePool, startComputePool } from "../../src/pool/compute-pool.ts";
import { clientLeft, TimeLimitError } from "../../src/services/compute.ts";
import type { Job } from "../../src/services/jobs.ts";
import { largeDraft } from "../helpers/large-draft.ts";
import { syntheticTexts } from "../helpers/synthetic-series.ts";

const base = parseResolution(syntheticTexts[0] ?? "");
const draftJob = (text: string): Job => ({
	kind: "draft",
	base,
	draft: { text },
	output: { kind: "represent", format: "json", inline: false },
});
const small = draftJob(syntheticTexts[1] ?? "");
// Seconds of work on a thread: long enough that "it is running" is certain half a second in.
const heavy = draftJob(largeDraft());
const RUNNING_AFTER_MS = 500;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let pool: ComputePool | undefined;
afterEach(async () => {
	await pool?.close();
	pool = undefined;
});

describe("a comparison whose client leaves", () => {
	it("finishes on its thread when it is already running and ends within the grace period", async () => {
		pool = startComputePool({ threads: 1, queue: 0, clientLeftGraceMs: 120_000 });
		await pool.run(small);
		expect(pool.threadsStarted()).toBe(1);
		const client = new AbortController();
		const answer = pool.run(heavy, client.signal);
		await wait(RUNNING_AFTER_MS);
		client.abort(clientLeft());
		const result = await answer;
		expect(result.kind).toBe("represent");
		// The same thread takes the next job: none was stopped, none started.
		await pool.run(small);
		expect(pool.threadsStarted()).toBe(1);
	}, 120_000);

	it("stops its thread once the grace period passes, and a new thread takes its place", async () => {
		pool = startComputePool({ threads: 1, queue: 0, clientLeftGraceMs: 50 });
		await pool.run(small);
		const client = new AbortController();
		const answer = pool.run(heavy, client.signal);
		await wait(RUNNING_AFTER_MS);
		client.abort(clientLeft());
		const error = await answer.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TimeLimitError);
		expect((error as Error).message).toContain("client closed the connection");
		await vi.waitFor(() => expect(pool?.threadsStarted()).toBe(2), { timeout: 30_000 });
		expect((await pool.run(small)).kind).toBe("represent");
	}, 120_000);

	it("leaves the queue at once when it is still waiting, while the running job goes on", async () => {
		pool = startComputePool({ threads: 1, queue: 1, clientLeftGraceMs: 120_000 });
		await pool.run(small);
		const order: string[] = [];
		const running = pool.run(heavy).then(() => order.push("running job answered"));
		const client = new AbortController();
		const waiting = pool.run(small, client.signal).catch((e: unknown) => {
			order.push("waiting job left");
			return e;
		});
		await wait(RUNNING_AFTER_MS);
		client.abort(clientLeft());
		expect(await waiting).toBeInstanceOf(TimeLimitError);
		await running;
		expect(order).toEqual(["waiting job left", "running job answered"]);
		expect(pool.threadsStarted()).toBe(1);
	}, 120_000);
});
