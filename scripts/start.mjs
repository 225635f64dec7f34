#!/usr/bin/env node
// `npm start`: the service from compiled JavaScript (see built.mjs), rebuilt first when a source changed.
//
// package.json starts it with --max-semi-space-size=4: the main thread's young generation is
// then at most 12 MB instead of V8's 48 MB. Remembered answers at thousands a second filled it,
// and the service's highest RSS under bench:http's load fell by about 50 MB with it (compute
// threads set their own, see compute-pool.ts). V8 sizes the young generation when the process
// starts, so the option cannot be set from here, only on the command line.
import { pathToFileURL } from "node:url";
import { ensureBuilt } from "./built.mjs";

await import(pathToFileURL(await ensureBuilt("node")).href);
