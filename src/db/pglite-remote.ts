/**
 * PGlite in a thread of its own, for `npm start`: its start-up (unpacking its
 * files, compiling its WebAssembly, PostgreSQL starting) is CPU-bound for half
 * a second and more, and runs on another core while this thread loads the
 * rest of the service. PgliteRemote answers for PGlite here; each call
 * crosses to the thread (pglite-thread.ts) as a message (pglite-wire.ts).
 * This module loads no PGlite.
 */
import { Worker } from "node:worker_threads";
import type { QueryOptions, Results } from "@electric-sql/pglite";
import { DatabaseUnavailableError } from "./errors.ts";
import {
	lockDataDir,
	type PgliteClient,
	type PgliteOptions,
	type PgliteTx,
	type StartedPglite,
} from "./pglite-client.ts";
import {
	type Answer,
	fromWireError,
	OPENING,
	type Request,
	type ThreadData,
	toWireOptions,
} from "./pglite-wire.ts";

/** How long a thread whose PGlite has closed, or failed to open, may take to end before it is stopped. */
const EXIT_WAIT_MS = 5_000;

/** A request as this side sends it: the id is added when it is sent. */
type Unsent = WithoutId<Request>;
type WithoutId<R> = R extends unknown ? Omit<R, "id"> : never;

interface Pending {
	resolve(value: unknown): void;
	reject(error: Error): void;
}

/**
 * The thread's file: the compiled bundle beside this one (dist/, `npm start`),
 * or the TypeScript sources through tsx (tests, `tsx src/node.ts`).
 */
function threadFile(): URL {
	const here = import.meta.url;
	return new URL(here.endsWith(".ts") ? "./pglite-source-thread.mjs" : "./pglite-thread.mjs", here);
}

/** A transaction open in the thread; its queries are tagged with its id. */
class RemoteTransaction implements PgliteTx {
	#closed = false;
	constructor(
		private readonly remote: PgliteRemote,
		readonly id: number,
	) {}

	get closed(): boolean {
		return this.#closed;
	}

	/** No more queries: the callback has returned or thrown. */
	end(): void {
		this.#closed = true;
	}

	async query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
		this.#check();
		return (await this.remote.send({
			op: "query",
			tx: this.id,
			sql: query,
			params: params ?? [],
			options: toWireOptions(options),
		})) as Results<T>;
	}

	async exec(query: string, options?: QueryOptions): Promise<Array<Results>> {
		this.#check();
		return (await this.remote.send({
			op: "exec",
			tx: this.id,
			sql: query,
			options: toWireOptions(options),
		})) as Array<Results>;
	}

	async rollback(): Promise<void> {
		this.#check();
		await this.remote.send({ op: "rollback", tx: this.id });
		this.#closed = true;
	}

	#check(): void {
		// PGlite's own words for a transaction used after it ended.
		if (this.#closed) throw new Error("Transaction is closed");
	}
}

/**
 * PGlite as seen from this thread. Calls keep PGlite's order; an error comes
 * back with PGlite's name, message and PostgreSQL's fields. Once the thread
 * has died, every call waiting and every later one rejects with
 * DatabaseUnavailableError (503), so nothing waits for an answer that cannot come.
 */
export class PgliteRemote implements PgliteClient {
	readonly #worker: Worker;
	readonly #address: string;
	readonly #pending = new Map<number, Pending>();
	readonly #exited: Promise<void>;
	#next = OPENING + 1;
	/** Why no call can be answered any more, once that is so. */
	#gone: (() => Error) | null = null;
	#closing: Promise<void> | null = null;
	/** The thread's own uncaught error, if it died of one. */
	#fault: Error | null = null;

	/** Resolves once PGlite is open in the thread; rejects with why it could not open. */
	readonly opened: Promise<void>;

	private constructor(dataDir: string) {
		this.#address = dataDir;
		this.#worker = new Worker(threadFile(), {
			name: "pglite",
			workerData: { dataDir } satisfies ThreadData,
		});
		this.opened = new Promise<void>((resolve, reject) => {
			this.#pending.set(OPENING, { resolve: () => resolve(), reject });
		});
		this.#worker.on("message", (answer: Answer) => this.#settle(answer));
		this.#worker.on("error", (e) => {
			this.#fault = e;
		});
		this.#exited = new Promise<void>((resolve) =>
			this.#worker.once("exit", (code) => {
				this.#died(code);
				resolve();
			}),
		);
	}

	/** Starts the thread that opens PGlite in `dataDir`; await `opened` before use. */
	static start(dataDir: string): PgliteRemote {
		return new PgliteRemote(dataDir);
	}

	get closed(): boolean {
		return this.#gone !== null || this.#closing !== null;
	}

	/** The thread itself, for tests and diagnostics; stopping it loses what PGlite has not flushed. */
	get thread(): Worker {
		return this.#worker;
	}

	async query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
		return (await this.#call({
			op: "query",
			sql: query,
			params: params ?? [],
			options: toWireOptions(options),
		})) as Results<T>;
	}

	async exec(query: string, options?: QueryOptions): Promise<Array<Results>> {
		return (await this.#call({
			op: "exec",
			sql: query,
			options: toWireOptions(options),
		})) as Array<Results>;
	}

	/**
	 * Runs `callback` in a transaction of the thread's PGlite: committed when it
	 * resolves, rolled back when it throws (and its error thrown again here).
	 */
	async transaction<T>(callback: (tx: PgliteTx) => Promise<T>): Promise<T> {
		const id = (await this.#call({ op: "begin" })) as number;
		const tx = new RemoteTransaction(this, id);
		let result: T;
		try {
			result = await callback(tx);
		} catch (e) {
			tx.end();
			// The callback's error is the one that matters, whether or not the rollback worked.
			await this.send({ op: "end", tx: id, commit: false }).catch(() => {});
			throw e;
		}
		tx.end();
		await this.send({ op: "end", tx: id, commit: true });
		return result;
	}

	/**
	 * Closes PGlite in its thread (it finishes the queries sent before and
	 * flushes its folder), then waits for the thread to end. The thread is
	 * never stopped while PGlite closes; only when it lingers after.
	 */
	close(): Promise<void> {
		this.#closing ??= (async () => {
			if (this.#gone) return;
			try {
				await this.send({ op: "close" });
			} finally {
				await this.ended();
			}
		})();
		return this.#closing;
	}

	/** A call outside any transaction: refused once close() was called, as PGlite does. */
	#call(request: Unsent): Promise<unknown> {
		if (this.#closing && !this.#gone) return Promise.reject(new Error("PGlite is closed"));
		return this.send(request);
	}

	/** Posts `request` to the thread (for this client and its transactions); resolves with its answer. */
	send(request: Unsent): Promise<unknown> {
		if (this.#gone) return Promise.reject(this.#gone());
		const id = this.#next++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			try {
				this.#worker.postMessage({ ...request, id });
			} catch (e) {
				// A parameter that cannot be cloned (a function): this call fails, nothing else.
				this.#pending.delete(id);
				reject(e as Error);
				return;
			}
			this.#worker.ref();
		});
	}

	#settle(answer: Answer): void {
		const pending = this.#pending.get(answer.id);
		if (!pending) return;
		this.#pending.delete(answer.id);
		// Idle, the thread does not keep the process alive (no more than PGlite here would);
		// while it closes, it does until it has ended.
		if (this.#pending.size === 0 && !this.#closing) this.#worker.unref();
		if (answer.ok) pending.resolve(answer.value);
		else pending.reject(fromWireError(answer.error));
	}

	#died(code: number): void {
		const closed = this.#closing !== null;
		const fault = this.#fault;
		const reason = fault
			? `the embedded database's thread stopped: ${fault.message}`
			: `the embedded database's thread stopped (exit code ${code})`;
		this.#gone = closed
			? () => new Error("PGlite is closed")
			: () => new DatabaseUnavailableError(this.#address, reason);
		const opening = this.#pending.get(OPENING);
		for (const [id, pending] of this.#pending) if (id !== OPENING) pending.reject(this.#gone());
		this.#pending.clear();
		// Why the opening failed, without the address that DatabaseUnavailableError adds again.
		opening?.reject(new Error(fault?.message ?? `its thread stopped (exit code ${code})`));
	}

	/**
	 * Waits for the thread to end, after PGlite closed or failed to open (never
	 * sooner); stops it if it lingers then.
	 */
	async ended(): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		const lingering = new Promise<"lingering">((resolve) => {
			timer = setTimeout(() => resolve("lingering"), EXIT_WAIT_MS);
		});
		const how = await Promise.race([this.#exited, lingering]);
		clearTimeout(timer);
		if (how === "lingering") await this.#worker.terminate();
	}
}

/**
 * startPglite with PGlite in a thread of its own: takes the lock of
 * `dataDir` here (before PGlite touches the folder), then starts the thread,
 * which creates the database if need be and opens it. Resolves once it is
 * open; throws FolderBusyError, or DatabaseUnavailableError with PGlite's reason.
 */
export async function startPgliteThread(
	dataDir: string,
	options: PgliteOptions = {},
): Promise<StartedPglite> {
	const lock = await lockDataDir(dataDir, options);
	let remote: PgliteRemote | undefined;
	try {
		remote = PgliteRemote.start(dataDir);
		await remote.opened;
		return lock ? { client: remote, lock } : { client: remote };
	} catch (e) {
		await remote?.ended();
		lock?.release();
		throw new DatabaseUnavailableError(
			dataDir,
			`PGlite could not open its data folder: ${(e as Error).message}`,
		);
	}
}
