#!/usr/bin/env node
// Writes examples/synthetic-draft.txt: a SYNTHETIC draft made by this script
// from the shipped official text of 37/39, for the README's examples. It is
// not a UN document: its title line says so. Three edits, as a delegation
// might make them: OP7's verb strengthened, OP20's weakened, and the session
// in OP27 moved on (a routine update). Run: node examples/make-synthetic-draft.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const official = readFileSync(join(here, "../corpus/A-HRC-RES-37-39.txt"), "utf8");

const edits = [
	[
		"37/39.\tTechnical assistance",
		"37/39.\tSynthetic draft made by a script from 37/39, not a UN text: technical assistance",
	],
	["7.\tEncourages the Malian authorities", "7.\tUrges the Malian authorities"],
	["20.\tRequests friendly countries", "20.\tInvites friendly countries"],
	["at its fortieth session;", "at its forty-third session;"],
];

let draft = official;
for (const [from, to] of edits) {
	if (!draft.includes(from)) throw new Error(`the shipped text no longer holds "${from}"`);
	draft = draft.replace(from, to);
}
writeFileSync(join(here, "synthetic-draft.txt"), draft);
