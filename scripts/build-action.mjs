// Bundles the action into dist/ (what `uses: <org>/downscope@v1` runs), the policy-review
// action into dist/policy-review/, the `downscope` command into dist/cli.js (the package's bin)
// and the verifier into dist/verify/ (what
// `downscope/verify` exports; jose and hono stay imports), or, with --check,
// builds into a temporary folder and fails when dist/ differs: dist/ is committed and must
// always be exactly what its sources build to.

import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { requireShim, yamlWithoutEnvLookups } from "./bundle-options.mjs";

const check = process.argv.includes("--check");
const outdir = check ? mkdtempSync(join(tmpdir(), "downscope-dist-")) : "dist";
// Chunk names carry content hashes: start clean, so no stale chunk stays behind.
if (!check) rmSync(outdir, { recursive: true, force: true });

const shared = {
  bundle: true,
  platform: "node",
  target: "node24",
  format: "esm",
  legalComments: "none",
  logLevel: "warning",
};

// @actions/core imports an HTTP client (and undici) for getIDToken, which the action does not
// call: marked free of side effects, the bundler drops what is unused (~900 KB, and start-up).
const unusedHttpStack = {
  name: "unused-http-stack",
  setup(builder) {
    builder.onResolve({ filter: /^(@actions\/http-client|undici|tunnel)(\/|$)/ }, async (args) => {
      if (args.pluginData === "resolved") return undefined;
      const result = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "resolved",
      });
      return { ...result, sideEffects: false };
    });
  },
};

await build({
  ...shared,
  entryPoints: { main: "action/main.ts", post: "action/post.ts" },
  plugins: [unusedHttpStack],
  outdir,
  // The DPoP module (and jose with it) goes to a chunk loaded only when `dpop: true`.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

await build({
  ...shared,
  entryPoints: { cli: "cli/index.ts" },
  plugins: [yamlWithoutEnvLookups],
  outdir,
  banner: { js: requireShim },
});

// The policy-review action (policy-review/action.yml): the CLI's commands, @actions/core and
// @actions/github (Octokit over undici, which honours the runner's proxy settings).
await build({
  ...shared,
  entryPoints: { index: "policy-review/main.ts" },
  plugins: [yamlWithoutEnvLookups],
  outdir: join(outdir, "policy-review"),
  banner: { js: requireShim },
});

await build({
  ...shared,
  entryPoints: { index: "verify/index.ts", hono: "verify/hono.ts" },
  outdir: join(outdir, "verify"),
  packages: "external",
  // One copy of the verifier shared by both entry points, so `instanceof AccessTokenError` holds across them.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

// Type declarations for downscope/verify (and the protocol types it names), from the same sources.
await promisify(execFile)(process.execPath, [
  "node_modules/typescript/bin/tsc",
  "-p",
  "tsconfig.verify.json",
  "--outDir",
  join(outdir, "types"),
]);

if (check) {
  const names = (dir) =>
    readdirSync(dir, { recursive: true })
      .filter((name) => name.endsWith(".js") || name.endsWith(".d.ts"))
      .sort();
  const built = names(outdir);
  const committed = names("dist");
  const stale = [...new Set([...built, ...committed])].filter((name) => {
    try {
      return !readFileSync(join(outdir, name)).equals(readFileSync(join("dist", name)));
    } catch {
      return true;
    }
  });
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is out of date (${stale.join(", ")}): run \`./dev npm run build\` and commit dist/.`);
    process.exit(1);
  }
}
