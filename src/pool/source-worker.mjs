// The compute pool's worker when the service runs from its TypeScript sources
// (tests, `tsx src/node.ts`): tsx is registered in the thread first, so the
// worker and the modules it imports later (the document readers, loaded on
// first use) are compiled as they load. `npm start` loads dist/compute-worker.mjs instead.
import { register } from "tsx/esm/api";

register();
const { runComputeJob } = await import("./compute-worker.ts");

export { runComputeJob };
