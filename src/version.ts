/** The package's version, from package.json: what `resdiff --version` prints and the OpenAPI document states. */
import pkg from "../package.json" with { type: "json" };

export const VERSION: string = pkg.version;
