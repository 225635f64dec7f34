// The ceiling for bench:http: a bare node:http server that sends the same bytes
// and headers as the stored diff, doing nothing else.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [, , bodyFile, headersJson, port] = process.argv;
const body = readFileSync(bodyFile);
const headers = JSON.parse(headersJson);
createServer((_req, res) => {
	res.writeHead(200, { ...headers, "content-length": body.length });
	res.end(body);
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
