// The Node options `npm start` gives the service, read from package.json's "start" script, so
// the benchmarks and the tests that start the service as a process start it the same way.
import { readFileSync } from "node:fs";

/** "--max-semi-space-size=4" and the like, in the order the start script gives them. */
export function serviceFlags() {
	const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
	return pkg.scripts.start.split(/\s+/).filter((arg) => arg.startsWith("--"));
}
