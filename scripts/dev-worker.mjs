#!/usr/bin/env node
// `npm run dev:worker`: the app under workerd (`wrangler dev`), on a port it
// names before starting. PORT (default 8787) is used when free; when it is
// taken (by `npm start`, say) the next free port is used and the script says
// so, rather than wrangler moving silently. With DATABASE_URL set, that
// database is the Hyperdrive binding's local connection string, so the Worker
// reads the database `npm run db:migrate` and `npx resdiff import` filled.
// Arguments are passed on to wrangler dev.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";

const require = createRequire(import.meta.url);

/** Whether nothing listens on the port, on the loopback address or on all addresses. */
function isFree(port, host) {
	return new Promise((resolve) => {
		const server = createServer();
		server.once("error", () => resolve(false));
		server.listen(port, host, () => server.close(() => resolve(true)));
	});
}

async function firstFreePort(wanted) {
	for (let port = wanted; port < wanted + 50; port++) {
		if ((await isFree(port, "127.0.0.1")) && (await isFree(port, "0.0.0.0"))) return port;
	}
	throw new Error(`no free port from ${wanted} to ${wanted + 49}; set PORT to a free one`);
}

/** The connection string for Hyperdrive, which insists on a password (trust auth ignores it). */
function hyperdriveString(url) {
	const u = new URL(url);
	if (!u.password) u.password = "unused";
	return u.toString();
}

const wanted = Number(process.env.PORT || 8787);
const port = await firstFreePort(wanted);
if (port !== wanted) console.log(`resdiff: port ${wanted} is taken (by npm start?); using ${port}`);

const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
let database = "wrangler.toml's localConnectionString";
if (process.env.DATABASE_URL) {
	env.CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE = hyperdriveString(
		process.env.DATABASE_URL,
	);
	const u = new URL(process.env.DATABASE_URL);
	database = `${u.hostname}:${u.port || 5432}${u.pathname} (DATABASE_URL)`;
}
console.log(
	`resdiff (Worker, workerd) will listen on http://localhost:${port}; database: ${database}`,
);

const wrangler = spawn(
	process.execPath,
	[
		require.resolve("wrangler/bin/wrangler.js"),
		"dev",
		"--port",
		String(port),
		...process.argv.slice(2),
	],
	{ stdio: "inherit", env },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
