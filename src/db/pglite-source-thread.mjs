// PGlite's thread when the service runs from its TypeScript sources (tests,
// `tsx src/node.ts`): tsx is registered in the thread first, so the thread's
// module and what it imports are compiled as they load. `npm start` loads
// dist/pglite-thread.mjs instead.
import { register } from "tsx/esm/api";

register();
await import("./pglite-thread.ts");
