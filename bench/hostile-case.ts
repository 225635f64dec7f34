/**
 * One hostile case, run by bench/speed.ts in a child process with a time
 * bound: node --import tsx bench/hostile-case.ts <case>. Prints one JSON line.
 */
import { runCase } from "./lib/hostile.ts";

const name = process.argv[2] ?? "";
process.stdout.write(`${JSON.stringify(runCase(name))}\n`);
