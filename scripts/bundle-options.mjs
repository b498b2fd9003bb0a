// What every Node bundle of downscope's own code shares (dist/cli.js, the action, the bench).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// yaml's Node build is CommonJS and require()s Node built-ins, which an ESM bundle must provide.
export const requireShim =
  'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

/**
 * yaml's Node build reads `process.env.LOG_TOKENS` for every token it parses, and a
 * `process.env` read is a call into Node's C++: ~1 s of reading two 10,000-rule policies
 * (Node --cpu-prof, `policy diff`). Its ESM build (the same parser, without those look-ups) is
 * bundled instead.
 */
export const yamlWithoutEnvLookups = {
  name: "yaml-without-env-lookups",
  setup(builder) {
    const root = dirname(createRequire(import.meta.url).resolve("yaml/package.json"));
    builder.onResolve({ filter: /^yaml$/ }, () => ({ path: join(root, "browser", "index.js") }));
  },
};
