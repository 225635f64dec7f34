import { defineConfig } from "vitest/config";
import { isLostConnectionWrite } from "./src/db/postgres-guard.ts";

export default defineConfig({
	test: {
		include: ["src/**/*.test.ts", "test/**/*.test.ts", "test/**/*.test.tsx"],
		// Database and browser suites start real servers; give their hooks room.
		testTimeout: 30_000,
		hookTimeout: 120_000,
		reporters: ["default", "json"],
		outputFile: { json: "test-results/vitest.json" },
		// The lost-connection test trips a known postgres.js bug after its query has already failed
		// (see src/db/postgres-guard.ts); that one stray error is not a test failure.
		onUnhandledError: (error) => !isLostConnectionWrite(error),
	},
});
