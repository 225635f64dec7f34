/**
 * Debian's Chromium for the browser tests, driven by playwright-core (no
 * downloaded browsers). Without it the tests are skipped with a notice on
 * the console; with CI=true its absence is a failure, since CI installs it.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { describe, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

export const CHROMIUM_PATH = process.env.RESDIFF_CHROMIUM ?? "/usr/bin/chromium";

/** Where the screenshots go: git-ignored test artifacts. */
export const SCREENSHOTS = join(repoRoot, "test-results", "screenshots");

export type ChromiumAvailability =
	| { readonly state: "present" }
	| { readonly state: "skip"; readonly notice: string }
	| { readonly state: "required"; readonly message: string };

export function chromiumAvailability(): ChromiumAvailability {
	if (existsSync(CHROMIUM_PATH)) return { state: "present" };
	const why = `Chromium is not at ${CHROMIUM_PATH} (apt-get install chromium, or set RESDIFF_CHROMIUM)`;
	if (process.env.CI === "true")
		return { state: "required", message: `${why}; CI runs the browser tests` };
	return { state: "skip", notice: `\n[notice] browser tests: skipped, ${why}\n` };
}

/**
 * Flags for a closed network: no background traffic, no first-run work.
 * Playwright gives each launch a fresh profile folder of its own (it refuses
 * a --user-data-dir flag).
 */
export async function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--no-first-run",
		],
	});
}

export function screenshotPath(name: string): string {
	mkdirSync(SCREENSHOTS, { recursive: true });
	return join(SCREENSHOTS, `${name}.png`);
}

/**
 * A suite that needs Chromium: skipped with the notice where it is absent,
 * one failing test where CI requires it, else `body`.
 */
export function describeInChromium(name: string, body: () => void): void {
	const availability = chromiumAvailability();
	if (availability.state === "skip") {
		console.warn(availability.notice);
		describe(name, () => it.skip("needs Chromium", () => {}));
	} else if (availability.state === "required") {
		describe(name, () =>
			it("needs Chromium", () => {
				throw new Error(availability.message);
			}),
		);
	} else describe(name, body);
}
