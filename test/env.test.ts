/** Reading the environment: defaults, empty values as unset, and a bad value named in one clear line. */
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/core/errors.ts";
import { parseEnv } from "../src/env.ts";
import { pgliteFolder } from "../src/env-storage.ts";
import { spawnCli } from "./helpers/cli.ts";

describe("parseEnv", () => {
	it("gives the defaults for an empty environment, and treats empty values as unset", () => {
		const expected = {
			RESDIFF_CORPUS: "corpus",
			RESDIFF_DATA_DIR: ".resdiff-data",
			PORT: 8787,
			RESDIFF_TIME_LIMIT_MS: 10_000,
			RESDIFF_ODS_URL: "https://documents.un.org",
			RESDIFF_SHUTDOWN_GRACE_SECONDS: 15,
		};
		expect(parseEnv({})).toEqual(expected);
		expect(parseEnv({ DATABASE_URL: "", PORT: "", RESDIFF_ADMIN_TOKEN: "" })).toEqual(expected);
		expect(parseEnv({ PORT: "0", DATABASE_URL: "postgres://db/x" })).toMatchObject({
			PORT: 0,
			DATABASE_URL: "postgres://db/x",
		});
	});

	it.each([
		{},
		{ RESDIFF_DATA_DIR: "" },
		{ RESDIFF_DATA_DIR: "/srv/resdiff" },
		{ DATABASE_URL: "" },
		{ DATABASE_URL: "postgres://db/x", RESDIFF_DATA_DIR: "/srv/resdiff" },
	])("names the PGlite folder npm start opens first as parseEnv does: %j", (record) => {
		const env = parseEnv(record);
		expect(pgliteFolder(record)).toBe(env.DATABASE_URL ? null : env.RESDIFF_DATA_DIR);
	});

	it.each([
		["PORT", "eighty", /^invalid environment: PORT: /],
		["PORT", "70000", /^invalid environment: PORT: .*65535/],
		["PORT", "-1", /^invalid environment: PORT: /],
		["PORT", "80.5", /^invalid environment: PORT: /],
		["RESDIFF_ODS_URL", "documents.un.org", /^invalid environment: RESDIFF_ODS_URL: /],
	])("refuses %s=%s with a ConfigError naming it", (name, value, message) => {
		const e = (() => {
			try {
				parseEnv({ [name]: value });
			} catch (x) {
				return x;
			}
		})();
		expect(e).toBeInstanceOf(ConfigError);
		expect((e as Error).message).toMatch(message);
	});

	it("names every bad setting at once", () => {
		expect(() => parseEnv({ PORT: "x", RESDIFF_ODS_URL: "nope" })).toThrow(
			/PORT: .*; RESDIFF_ODS_URL: /,
		);
	});

	it("makes the command say what is wrong in one line, without a stack trace", () => {
		const run = spawnCli(["show", "37/39"], { PORT: "eighty" });
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^resdiff: invalid environment: PORT: [^\n]+\n$/);
	});
});
