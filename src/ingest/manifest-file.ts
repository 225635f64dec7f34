/**
 * Recording a member's text in `manifest.json`: its file name and sha256.
 * The manifest is read fresh, changed in that one member, checked against
 * its schema and written back atomically, keeping its other fields and its
 * tab indentation, so a hand-edited manifest stays as its author left it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError, NotFoundError } from "../core/errors.ts";
import { Manifest } from "../core/manifest.ts";
import { writeFileAtomic } from "./atomic.ts";
import { MANIFEST_FILE } from "./corpus.ts";

interface RawMember {
	symbol?: unknown;
	file?: unknown;
	sha256?: unknown;
}

/** Sets `file` and `sha256` of the member with this symbol. */
export async function recordMemberFile(
	corpusDir: string,
	symbol: string,
	file: string,
	sha256: string,
): Promise<void> {
	const path = join(corpusDir, MANIFEST_FILE);
	const raw = JSON.parse(await readFile(path, "utf8")) as { series?: { members?: RawMember[] }[] };
	const member = (raw.series ?? [])
		.flatMap((s) => s.members ?? [])
		.find((m) => m.symbol === symbol);
	if (!member) {
		throw new NotFoundError("member", symbol, `${symbol} is not listed in ${path}`);
	}
	member.file = file;
	member.sha256 = sha256;
	const checked = Manifest.safeParse(raw);
	if (!checked.success) {
		throw new ConfigError(`${path}: the manifest would not be valid after recording ${symbol}`);
	}
	await writeFileAtomic(path, `${JSON.stringify(raw, null, "\t")}\n`);
}
