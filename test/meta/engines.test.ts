/**
 * A clean install on the Node the README promises: every package the lock
 * file installs accepts Node 20 (20.19 and later), so `npm ci` prints no
 * EBADENGINE warning. It used to print six: the API reference's @scalar
 * packages and the nanoid 6 that docx pulled in want Node 22.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

interface LockEntry {
	readonly version?: string;
	readonly engines?: { readonly node?: string } | readonly string[];
	readonly optional?: boolean;
}

const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as {
	packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
	engines: { node: string };
};

describe("the lock file on Node 20", () => {
	it("promises Node 20 in package.json", () => {
		expect(semver.minVersion(pkg.engines.node)?.major).toBe(20);
	});

	it.each(["20.19.0", "20.20.2", process.version])(
		"installs only packages that accept Node %s",
		(node) => {
			const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
				const range = Array.isArray(entry.engines)
					? undefined
					: (entry.engines as { node?: string })?.node;
				if (!path || !range) return [];
				return semver.satisfies(node, range, { includePrerelease: true })
					? []
					: [`${path.replace(/^.*node_modules\//, "")}@${entry.version}: node ${range}`];
			});
			expect(refusing).toEqual([]);
		},
	);
});
