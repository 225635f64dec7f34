/**
 * One writer per PGlite folder. PGlite is a single-user PostgreSQL: two
 * processes on one folder overwrite each other's pages (an import lost, or a
 * folder that no longer opens). Whoever opens the folder first writes
 * `resdiff.lock` into it, holding its pid, what it is (the service, with its
 * port and a per-run token for writes through its API, or a CLI command), and
 * removes it on exit. A lock whose process is gone is taken over. Node only.
 */
import { randomBytes } from "node:crypto";
import {
	closeSync,
	fsyncSync,
	linkSync,
	openSync,
	readFileSync,
	renameSync,
	unlinkSync,
	writeSync,
} from "node:fs";
import { join } from "node:path";
import { ResdiffError } from "../core/errors.ts";

export const LOCK_FILE = "resdiff.lock";

export interface LockRecord {
	readonly pid: number;
	/** The service takes requests; a command only works on the folder until it ends. */
	readonly holder: "service" | "command";
	/** The service's port once it listens; null while it starts, and for a command. */
	readonly port: number | null;
	/** Admits writes through the service's API; the file is readable by its owner only. */
	readonly token: string | null;
	/** What holds it, for messages: "npm start", "resdiff import". */
	readonly what: string;
	readonly since: string;
}

/** The folder is held by another live process; the message says by whom and what to do. */
export class FolderBusyError extends ResdiffError {
	override name = "FolderBusyError";
	constructor(
		readonly dir: string,
		readonly record: LockRecord,
		message: string,
	) {
		super(message);
	}
}

export interface FolderLock {
	readonly record: LockRecord;
	/** Rewrites the lock (the service's port once it listens). */
	update(changes: Partial<Pick<LockRecord, "port">>): void;
	/** Removes the lock if it is still this process's. */
	release(): void;
}

/** Whether a process with this pid exists (one of another user still counts). */
export function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === "EPERM";
	}
}

/** The lock in `dir`, or null when there is none (or it cannot be read as one). */
export function readLock(dir: string): LockRecord | null {
	let raw: string;
	try {
		raw = readFileSync(join(dir, LOCK_FILE), "utf8");
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === "ENOENT") return null;
		if (code === "EACCES")
			throw new ResdiffError(
				`${join(dir, LOCK_FILE)} belongs to another user: run resdiff as the user who started the service`,
			);
		throw e;
	}
	try {
		const r = JSON.parse(raw) as LockRecord;
		return Number.isInteger(r.pid) ? r : null;
	} catch {
		// Half a lock cannot be: it is written whole and linked in place. Treat garbage as stale.
		return null;
	}
}

/** The lock in `dir` when its process still runs; a stale one reads as none. */
export function liveLock(dir: string): LockRecord | null {
	const r = readLock(dir);
	return r && processAlive(r.pid) ? r : null;
}

/**
 * One line saying who holds the folder and what to do about it; `opener` is
 * who was refused: a second service is told to use the first or another
 * folder, a command to go through the service.
 */
export function describeHolder(
	dir: string,
	r: LockRecord,
	opener: LockRecord["holder"] = "command",
): string {
	if (r.holder === "service" && opener === "service")
		return r.port === null
			? `the service is already starting on ${dir} (pid ${r.pid}); use that one, or give this one another folder with RESDIFF_DATA_DIR`
			: `the service is already running on ${dir} (pid ${r.pid}) at http://localhost:${r.port}; use that one, stop it first, or give this one another folder with RESDIFF_DATA_DIR`;
	if (r.holder === "service")
		return r.port === null
			? `the service (pid ${r.pid}) is starting on ${dir}; wait until it listens, or stop it`
			: `the service (pid ${r.pid}, port ${r.port}) holds ${dir}; stop it, or run the command again while it answers`;
	return `${r.what} (pid ${r.pid}) is using ${dir}; wait for it to finish`;
}

function writeWhole(path: string, record: LockRecord): void {
	const fd = openSync(path, "wx", 0o600);
	try {
		writeSync(fd, `${JSON.stringify(record)}\n`);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function tempName(dir: string, tag: string): string {
	return join(dir, `${LOCK_FILE}.${tag}-${process.pid}-${randomBytes(4).toString("hex")}`);
}

/**
 * Takes the lock of `dir` (which must exist) for this process, or throws
 * FolderBusyError naming the live holder. The record is written to a private
 * file first and hard-linked into place, so the lock appears whole or not at
 * all and two processes can never both create it.
 */
export function acquireFolderLock(
	dir: string,
	holder: LockRecord["holder"],
	what: string,
): FolderLock {
	const path = join(dir, LOCK_FILE);
	let record: LockRecord = {
		pid: process.pid,
		holder,
		port: null,
		token: holder === "service" ? randomBytes(24).toString("base64url") : null,
		what,
		since: new Date().toISOString(),
	};
	const staged = tempName(dir, "new");
	writeWhole(staged, record);
	try {
		for (let attempt = 0; ; attempt++) {
			try {
				linkSync(staged, path);
				break;
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 20) throw e;
			}
			const held = readLock(dir);
			if (held && processAlive(held.pid))
				throw new FolderBusyError(dir, held, describeHolder(dir, held, holder));
			takeOverStale(dir, held);
		}
	} finally {
		unlinkSync(staged);
	}
	let released = false;
	const onExit = () => release();
	function release(): void {
		if (released) return;
		released = true;
		process.off("exit", onExit);
		if (readLock(dir)?.pid === process.pid) {
			try {
				unlinkSync(path);
			} catch {
				// Already gone: nothing to release.
			}
		}
	}
	// A crash still removes it; a SIGKILL leaves it stale, and the next opener takes it over.
	process.on("exit", onExit);
	return {
		get record() {
			return record;
		},
		update(changes) {
			record = { ...record, ...changes };
			const next = tempName(dir, "update");
			writeWhole(next, record);
			renameSync(next, path);
		},
		release,
	};
}

/**
 * Moves a stale lock aside. Two processes may find the same stale lock: the
 * rename lets only one of them move it, and one that moved a lock just taken
 * by the other (live) puts it back.
 */
function takeOverStale(dir: string, seen: LockRecord | null): void {
	const path = join(dir, LOCK_FILE);
	const aside = tempName(dir, "stale");
	try {
		renameSync(path, aside);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
		throw e;
	}
	let moved: LockRecord | null = null;
	try {
		moved = JSON.parse(readFileSync(aside, "utf8")) as LockRecord;
	} catch {
		moved = null;
	}
	if (moved && moved.pid !== seen?.pid && processAlive(moved.pid)) {
		try {
			linkSync(aside, path);
		} catch {
			// Someone else holds it now; theirs stands.
		}
	}
	unlinkSync(aside);
}
