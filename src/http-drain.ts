/**
 * Graceful shutdown of the Node HTTP server. Node's own `server.close()`
 * closes the listening socket at once, and the kernel resets every
 * connection still waiting in its accept queue; it also drops connections it
 * thinks idle, which include ones accepted whose request is not read yet.
 * While comparisons keep the event loop busy, Node takes one queued
 * connection per turn, so a queue of twenty is not empty for seconds.
 *
 * Here, on shutdown: every answer carries `Connection: close`; the listening
 * socket stays open until a check finds that the event loop ran freely
 * (a timer on time) and accepted nothing since the last check, which means
 * the kernel's queue is empty; a connection is ended only once it has been
 * idle at two checks with I/O read between them; and only what still runs
 * when the grace period ends is cut.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

/** How often the queue and idle connections are looked at while draining. */
const CHECK_MS = 100;
/** A check this late means the event loop was busy, not free to accept. */
const LATE_MS = CHECK_MS * 1.5;

export interface Drainer {
	/**
	 * Finishes what was accepted and queued, then stops; resolves when every
	 * connection is closed, or when `graceMs` has passed, with how many
	 * requests were still running and were cut.
	 */
	drain(graceMs: number): Promise<{ readonly cut: number }>;
}

export function drainable(server: Server): Drainer {
	/** Requests in flight on each open connection. */
	const open = new Map<Socket, number>();
	const pending = new Set<ServerResponse>();
	let draining = false;
	let accepted = 0;

	server.on("connection", (socket: Socket) => {
		accepted++;
		open.set(socket, 0);
		socket.once("close", () => open.delete(socket));
	});
	server.on("request", (req: IncomingMessage, res: ServerResponse) => {
		const socket = req.socket;
		open.set(socket, (open.get(socket) ?? 0) + 1);
		pending.add(res);
		if (draining) res.setHeader("connection", "close");
		res.once("close", () => {
			pending.delete(res);
			if (open.has(socket)) open.set(socket, Math.max(0, (open.get(socket) ?? 1) - 1));
		});
	});

	return {
		drain(graceMs) {
			draining = true;
			for (const res of pending) if (!res.headersSent) res.setHeader("connection", "close");
			return new Promise((resolve) => {
				let settled = false;
				let listening = true;
				const finish = (cut: number) => {
					if (settled) return;
					settled = true;
					clearInterval(check);
					clearTimeout(force);
					resolve({ cut });
				};
				let last = Date.now();
				let acceptedBefore = accepted;
				let idleBefore = new Set<Socket>();
				const check = setInterval(() => {
					const now = Date.now();
					const free = now - last < LATE_MS;
					last = now;
					if (listening && free && accepted === acceptedBefore) {
						listening = false;
						// net's close: stop listening, without http's sweep of "idle" connections.
						NetServer.prototype.close.call(server, () => finish(0));
					}
					acceptedBefore = accepted;
					const idleNow = new Set([...open].filter(([, n]) => n === 0).map(([s]) => s));
					// Idle at two checks with I/O read between them: no request is on its way in.
					for (const s of idleNow) if (idleBefore.has(s)) s.end();
					idleBefore = idleNow;
				}, CHECK_MS);
				const force = setTimeout(() => {
					const cut = [...open.values()].filter((n) => n > 0).length;
					if (listening) NetServer.prototype.close.call(server);
					server.closeAllConnections();
					finish(cut);
				}, graceMs);
			});
		},
	};
}
