import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["src/**/*.test.ts", "test/**/*.test.ts", "test/**/*.test.tsx"],
		// Database and browser suites start real servers; give their hooks room.
		testTimeout: 30_000,
		hookTimeout: 120_000,
		reporters: ["default", "json"],
		outputFile: { json: "test-results/vitest.json" },
	},
});
