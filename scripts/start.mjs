#!/usr/bin/env node
// `npm start`: the service from compiled JavaScript (see built.mjs), rebuilt first when a source changed.
import { pathToFileURL } from "node:url";
import { ensureBuilt } from "./built.mjs";

await import(pathToFileURL(await ensureBuilt("node")).href);
