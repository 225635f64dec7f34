/**
 * Comparisons run in a bounded pool of worker threads, in the real service
 * process started as `npm start` starts it (the compiled bundle): heavy
 * drafts in parallel are answered, the overflow is refused at once with 503
 * and Retry-After, the health check answers while they run, and a job past
 * the time limit gets the time-limit answer and frees its worker.
 * The 1.5 MB draft is synthetic (test/helpers/large-draft.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { tempDataDir } from "../helpers/db.ts";
import { largeDraft } from "../helpers/large-draft.ts";
import { seed } from "../helpers/seed.ts";
import { type ServiceProcess, startService } from "../helpers/service-process.ts";
import { syntheticTexts } from "../helpers/synthetic-series.ts";

const heavy = JSON.stringify({ base: "99/1", text: largeDraft(), name: "large synthetic draft" });
const small = JSON.stringify({ base: "99/1", text: syntheticTexts[1] });
// The same draft answered as a Word file: reading, comparing and rendering take well over a second.
const heavier = JSON.stringify({ base: "99/1", text: largeDraft(), format: "docx" });

async function seededFolder(): Promise<string> {
	const dir = tempDataDir();
	const prepared = await createDb({ RESDIFF_DATA_DIR: dir });
	await seed(prepared.db);
	await prepared.close();
	return dir;
}

function compare(service: ServiceProcess, body: string) {
	return fetch(`${service.url}/api/compare`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body,
	});
}

describe("the compute pool under load", () => {
	let service: ServiceProcess;
	beforeAll(async () => {
		service = await startService({
			RESDIFF_DATA_DIR: await seededFolder(),
			RESDIFF_WORKERS: "2",
			RESDIFF_QUEUE: "2",
			// Room for the admitted jobs on a busy machine: this test is about the queue, not the limit.
			RESDIFF_TIME_LIMIT_MS: "120000",
		});
	});
	afterAll(() => service?.stop());

	it("compares heavy drafts in parallel, refuses the overflow at once, and keeps /healthz answering", async () => {
		const answers: {
			status: number;
			at: number;
			type?: string;
			retry: string | null;
			name?: string;
		}[] = [];
		let order = 0;
		const jobs = Array.from({ length: 10 }, () =>
			compare(service, heavy).then(async (r) => {
				const body = (await r.json()) as { type?: string; to?: { name?: string } };
				answers.push({
					status: r.status,
					at: order++,
					retry: r.headers.get("retry-after"),
					...(body.type ? { type: body.type } : {}),
					...(body.to?.name ? { name: body.to.name } : {}),
				});
			}),
		);
		// While the workers compare, the event loop still answers the health check.
		const health = await fetch(`${service.url}/healthz`);
		expect(health.status).toBe(200);
		await Promise.all(jobs);

		const done = answers.filter((a) => a.status === 200);
		const refused = answers.filter((a) => a.status === 503);
		expect(done.length + refused.length).toBe(10);
		// Two running and two waiting are admitted; the rest find the queue full.
		expect(done.length).toBe(4);
		expect(refused.length).toBe(6);
		for (const a of done) expect(a.name).toBe("large synthetic draft");
		for (const a of refused) {
			expect(a.type).toBe("/problems/busy");
			expect(Number(a.retry)).toBeGreaterThan(0);
		}
		// Refused at once: every refusal came back before the first comparison finished.
		const firstDone = Math.min(...done.map((a) => a.at));
		for (const a of refused) expect(a.at).toBeLessThan(firstDone);
		// Four 1.5 MB comparisons on two threads: room for a busy machine.
	}, 180_000);
});

describe("a comparison past the time limit", () => {
	let service: ServiceProcess;
	beforeAll(async () => {
		service = await startService({
			RESDIFF_DATA_DIR: await seededFolder(),
			RESDIFF_WORKERS: "1",
			RESDIFF_TIME_LIMIT_MS: "1000",
		});
	});
	afterAll(() => service?.stop());

	it("is answered with the time-limit problem, and its worker is freed for the next request", async () => {
		// The one worker is started and warm before the heavy job.
		expect((await compare(service, small)).status).toBe(200);
		const late = await compare(service, heavier);
		expect(late.status).toBe(503);
		expect(late.headers.get("content-type")).toContain("application/problem+json");
		expect(Number(late.headers.get("retry-after"))).toBeGreaterThan(0);
		const problem = (await late.json()) as { type: string; detail: string };
		expect(problem.type).toBe("/problems/timeout");
		expect(problem.detail).toContain("1 s");
		// Had the heavy job kept its one worker, this would wait behind it past the limit.
		const next = await compare(service, small);
		expect(next.status).toBe(200);
		expect(((await next.json()) as { summary: { new: number } }).summary.new).toBeGreaterThan(0);
	});
});

describe("comparisons whose clients leave", () => {
	let service: ServiceProcess;
	beforeAll(async () => {
		service = await startService({
			RESDIFF_DATA_DIR: await seededFolder(),
			RESDIFF_WORKERS: "1",
			RESDIFF_QUEUE: "2",
			RESDIFF_TIME_LIMIT_MS: "120000",
		});
	});
	afterAll(() => service?.stop());

	it("leave the queue with them, so the next client is not refused as busy", async () => {
		expect((await compare(service, small)).status).toBe(200);
		// Three heavy comparisons fill the one thread and both places in the queue; then their clients go,
		// as a load tool's connections do at the end of a run.
		const gone = new AbortController();
		const leaving = Array.from({ length: 3 }, () =>
			fetch(`${service.url}/api/compare`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: heavier,
				signal: gone.signal,
			}).catch(() => null),
		);
		await new Promise((r) => setTimeout(r, 500));
		gone.abort();
		await Promise.all(leaving);
		// Each of these would find the queue full were the abandoned jobs still holding it.
		const next = await Promise.all([compare(service, small), compare(service, small)]);
		expect(next.map((r) => r.status)).toEqual([200, 200]);
	}, 120_000);
});
