/**
 * The thread that owns PGlite for PgliteRemote (pglite-remote.ts): it opens
 * the folder, runs each request it is sent on PGlite, and answers with data
 * (see pglite-wire.ts). PGlite's own locks order the queries as they would in
 * one thread: one outside a transaction waits for the transaction to end.
 * Loaded as dist/pglite-thread.mjs, or from sources through pglite-source-thread.mjs.
 */
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { createPglite } from "./pglite-start.ts";
import {
	type Answer,
	fromWireOptions,
	OPENING,
	type Request,
	type ThreadData,
	toWireError,
} from "./pglite-wire.ts";

/** Thrown inside a transaction's callback to have PGlite roll it back. */
const ROLL_BACK = Symbol("roll back");

interface OpenTransaction {
	readonly tx: Transaction;
	/** Lets PGlite's callback return (commit) or throw (roll back). */
	finish(commit: boolean): void;
	/** PGlite's transaction(): settles once it has committed or rolled back. */
	readonly outcome: Promise<void>;
}

function serve(port: MessagePort, client: PGlite): void {
	const open = new Map<number, OpenTransaction>();
	/** Runs a request and posts its answer, its error if it throws; resolves once posted. */
	const answer = (id: number, run: () => Promise<unknown>): Promise<void> =>
		(async () => run())().then(
			(value) => {
				try {
					port.postMessage({ id, ok: true, value } satisfies Answer);
				} catch (e) {
					// A value that cannot be cloned: the caller gets why, not a wait.
					port.postMessage({ id, ok: false, error: toWireError(e) } satisfies Answer);
				}
			},
			(e: unknown) => port.postMessage({ id, ok: false, error: toWireError(e) } satisfies Answer),
		);
	const target = (tx: number | undefined): PGlite | Transaction => {
		if (tx === undefined) return client;
		const t = open.get(tx);
		if (!t) throw new Error("Transaction is closed");
		return t.tx;
	};

	/** Resolves with the transaction's id once PGlite has begun it (it waits for any other first). */
	const begin = (id: number): Promise<number> =>
		new Promise((entered, failed) => {
			let finish: (commit: boolean) => void = () => {};
			const held = new Promise<void>((commit, rollBack) => {
				finish = (c) => (c ? commit() : rollBack(ROLL_BACK));
			});
			const outcome = client.transaction(async (tx) => {
				open.set(id, { tx, finish, outcome });
				entered(id);
				await held;
			});
			// Before the callback ran (BEGIN failed, PGlite closed) the failure is the begin's;
			// after, it is the end's, which awaits the outcome.
			outcome.catch(failed);
		});

	const end = async (tx: number, commit: boolean): Promise<void> => {
		const t = open.get(tx);
		if (!t) throw new Error("Transaction is closed");
		open.delete(tx);
		t.finish(commit);
		try {
			await t.outcome;
		} catch (e) {
			if (e !== ROLL_BACK) throw e;
		}
	};

	port.on("message", (r: Request): void => {
		switch (r.op) {
			case "query":
				void answer(r.id, () =>
					target(r.tx).query(r.sql, [...r.params], fromWireOptions(r.options)),
				);
				return;
			case "exec":
				void answer(r.id, () => target(r.tx).exec(r.sql, fromWireOptions(r.options)));
				return;
			case "begin":
				void answer(r.id, () => begin(r.id));
				return;
			case "end":
				void answer(r.id, () => end(r.tx, r.commit));
				return;
			case "rollback":
				void answer(r.id, async () => {
					const t = open.get(r.tx);
					if (!t) throw new Error("Transaction is closed");
					await t.tx.rollback();
				});
				return;
			case "close":
				// PGlite flushes its folder and stops (after the queries sent before); once that is
				// answered the port closes, nothing keeps the thread and it ends.
				void answer(r.id, () => client.close()).then(() => port.close());
				return;
		}
	});
}

if (parentPort) {
	const port = parentPort;
	const { dataDir } = workerData as ThreadData;
	try {
		const client = await createPglite(dataDir);
		serve(port, client);
		port.postMessage({ id: OPENING, ok: true, value: null } satisfies Answer);
	} catch (e) {
		port.postMessage({ id: OPENING, ok: false, error: toWireError(e) } satisfies Answer);
		port.close();
	}
}
