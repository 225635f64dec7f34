#!/usr/bin/env node
// The resdiff command, from compiled JavaScript (scripts/built.mjs rebuilds
// it when a source changed), so a fresh clone needs no build step of its own.
import { pathToFileURL } from "node:url";
import { ensureBuilt } from "../scripts/built.mjs";

const { main } = await import(pathToFileURL(await ensureBuilt("cli")).href);
process.exitCode = await main(process.argv.slice(2));
