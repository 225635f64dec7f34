/**
 * The admin token check: only the exact token passes, whatever its length or
 * where another differs from it; and the check compares digests of equal
 * length, so neither the token's length nor the place of a difference
 * changes the work it does.
 */
import { describe, expect, it } from "vitest";
import { sameSecret } from "../../src/http/admin.ts";

const TOKEN = "synthetic-admin-token-5c2e9a";

describe("sameSecret", () => {
	it("accepts the token itself and nothing else", async () => {
		expect(await sameSecret(TOKEN, TOKEN)).toBe(true);
		for (const other of [
			"",
			"s",
			TOKEN.slice(0, -1),
			`${TOKEN}x`,
			`x${TOKEN.slice(1)}`,
			`${TOKEN.slice(0, -1)}b`,
			TOKEN.toUpperCase(),
			` ${TOKEN}`,
			`${TOKEN}\u0000`,
		]) {
			expect(await sameSecret(other, TOKEN), JSON.stringify(other)).toBe(false);
		}
	});

	it("compares SHA-256 digests, so every comparison covers 32 bytes whatever the inputs", async () => {
		const lengths: number[] = [];
		const subtle = crypto.subtle;
		const digest = subtle.digest.bind(subtle);
		const spy = async (algorithm: AlgorithmIdentifier, data: BufferSource) => {
			const out = await digest(algorithm, data);
			lengths.push(out.byteLength);
			return out;
		};
		Object.defineProperty(subtle, "digest", { value: spy, configurable: true });
		try {
			await sameSecret("x", TOKEN);
			await sameSecret(`${TOKEN}${"y".repeat(1000)}`, TOKEN);
		} finally {
			Object.defineProperty(subtle, "digest", { value: digest, configurable: true });
		}
		expect(lengths).toEqual([32, 32, 32, 32]);
	});
});
