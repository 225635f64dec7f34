import { compare } from "./src/core/diff/index.ts";
import { baseResolution } from "./bench/lib/base.ts";
import { generatePair } from "./bench/generator/pairs.ts";
import { scaleResolution } from "./bench/lib/scale.ts";
const f = Number(process.argv[2] ?? 10);
const old = f === 1 ? baseResolution() : scaleResolution(baseResolution(), f, 1);
const pair = generatePair(old, 1 + f, { edits: [4 * f, 4 * f] });
for (let r = 0; r < (f === 1 ? 300 : 20); r++) compare(pair.old, pair.new);
