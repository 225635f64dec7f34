/**
 * What the service remembers: comparisons and rendered answers expire after
 * five seconds, stay within their bounds (256 comparisons, 32 MB of answers),
 * and are forgotten when an import changes what is stored. The clock is the
 * test's own, moved by hand, so expiry is shown without waiting.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { StructuredDiff } from "../../src/core/diff/index.ts";
import { syncManifest } from "../../src/db/queries/series.ts";
import {
	type CachedResponse,
	MEMORY_DIFFS,
	MEMORY_RESPONSE_BYTES,
	MEMORY_TTL_MS,
	MemoryCache,
} from "../../src/services/cache.ts";
import { importOne } from "../../src/services/import.ts";
import { freshPglite, type TestDatabase } from "../helpers/db.ts";
import { syntheticManifest, syntheticSource } from "../helpers/synthetic-series.ts";

const MB = 1024 * 1024;
const answer = (bytes: number): CachedResponse => ({
	body: new Uint8Array(bytes),
	headers: {},
	etag: `"${bytes}"`,
});

describe("MemoryCache", () => {
	it("states its limits: five seconds, 256 comparisons, 32 MB of answers", () => {
		expect([MEMORY_TTL_MS, MEMORY_DIFFS, MEMORY_RESPONSE_BYTES]).toEqual([5_000, 256, 32 * MB]);
	});

	it("forgets a comparison and an answer once they are five seconds old", () => {
		let now = 1_000;
		const memory = new MemoryCache({ now: () => now });
		const diff = { diff: {} as StructuredDiff, version: "v" };
		memory.diffs.set("a|b", diff);
		memory.responses.set("/api/diff?from=a&to=b", answer(10));
		now += MEMORY_TTL_MS - 1;
		expect(memory.diffs.get("a|b")).toBe(diff);
		expect(memory.responses.get("/api/diff?from=a&to=b")?.etag).toBe('"10"');
		now += 2;
		expect(memory.diffs.get("a|b")).toBeUndefined();
		expect(memory.responses.get("/api/diff?from=a&to=b")).toBeUndefined();
	});

	it("keeps at most 256 comparisons, forgetting the least recently used", () => {
		const memory = new MemoryCache();
		for (let k = 0; k < 256; k++)
			memory.diffs.set(`k${k}`, { diff: {} as StructuredDiff, version: "" });
		memory.diffs.get("k0");
		memory.diffs.set("k256", { diff: {} as StructuredDiff, version: "" });
		expect(memory.diffs.size).toBe(256);
		expect(memory.diffs.has("k0")).toBe(true);
		expect(memory.diffs.has("k1")).toBe(false);
		expect(memory.diffs.has("k256")).toBe(true);
	});

	it("keeps at most 32 MB of answers, and never one larger than that", () => {
		const memory = new MemoryCache();
		memory.responses.set("a", answer(12 * MB));
		memory.responses.set("b", answer(12 * MB));
		memory.responses.set("c", answer(12 * MB));
		expect([...memory.responses.keys()].sort()).toEqual(["b", "c"]);
		expect(memory.responses.calculatedSize).toBe(24 * MB);
		memory.responses.set("huge", answer(33 * MB));
		expect(memory.responses.has("huge")).toBe(false);
	});
});

describe("remembered answers in the service", () => {
	let test: TestDatabase;
	beforeAll(async () => {
		test = await freshPglite();
		await syncManifest(test.handle.db, syntheticManifest);
		await importOne({ db: test.handle.db }, syntheticSource(1));
		await importOne({ db: test.handle.db }, syntheticSource(2));
	});
	afterAll(async () => {
		await test?.dispose();
	});

	it("answers from memory until the answer expires, then from what is stored", async () => {
		// Not 0: the cache takes a start time of 0 for "no expiry".
		let now = 1_000;
		const memory = new MemoryCache({ now: () => now });
		const app = buildApp({ services: () => ({ db: test.handle.db, memory }) });
		const lead = async () => {
			const diff = StructuredDiff.parse(
				await (await app.request("/api/diff?from=99-1&to=99-2")).json(),
			);
			return diff.changes.find((c) => c.to[0]?.ref === "OP8")?.lead?.to;
		};
		expect(await lead()).toBe("Urges");
		// Behind the service's back: the stored comparison says something else.
		await test.handle.db.execute(
			sql.raw("update alignments set lead_to = 'Demands' where lead_to = 'Urges'"),
		);
		now += MEMORY_TTL_MS - 1;
		expect(await lead()).toBe("Urges");
		now += 2;
		expect(await lead()).toBe("Demands");
		await test.handle.db.execute(
			sql.raw("update alignments set lead_to = 'Urges' where lead_to = 'Demands'"),
		);
	});

	it("forgets everything when an import stores something, and nothing when it changes nothing", async () => {
		const memory = new MemoryCache();
		const ctx = { db: test.handle.db, memory };
		const fill = () => {
			memory.diffs.set("x", { diff: {} as StructuredDiff, version: "" });
			memory.responses.set("y", answer(1));
		};
		fill();
		expect((await importOne(ctx, syntheticSource(2))).status).toBe("unchanged");
		expect([memory.diffs.size, memory.responses.size]).toEqual([1, 1]);
		expect((await importOne(ctx, syntheticSource(3))).status).toBe("imported");
		expect([memory.diffs.size, memory.responses.size]).toEqual([0, 0]);
	});
});
