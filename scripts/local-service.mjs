// Runs the real token service locally for end-to-end tests, the demo and benchmarks: the
// Worker exactly as `wrangler deploy` would bundle it, served by workerd (through Miniflare)
// on a loopback port, with no network: any outbound request it makes is refused.
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { promisify } from "node:util";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";

const run = promisify(execFile);
let bundled;

/** Bundles worker/ once per process, with wrangler, into .build/worker/index.js. */
export function bundleWorker() {
  bundled ??= run("node_modules/.bin/wrangler", ["deploy", "--dry-run", "--outdir", ".build/worker"], {
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_LOG: "error" },
  }).then(() => ".build/worker/index.js");
  return bundled;
}

/** A free loopback port: needed up front, since DOWNSCOPE_ISSUER must name it. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the service. `policy` is YAML or JSON text; `signingKeys` a JWK array.
 * Returns `{ url, logs, stop }`: `logs` collects the worker's log lines as parsed JSON.
 */
export async function startLocalService({ policy, signingKeys, port }) {
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  return serveWorker({
    scriptPath: await bundleWorker(),
    port: listenPort,
    bindings: {
      DOWNSCOPE_ISSUER: url,
      DOWNSCOPE_POLICY: policy,
      DOWNSCOPE_SIGNING_KEYS: JSON.stringify(signingKeys),
    },
  });
}

/**
 * Serves a bundled worker module (which exports `TokenState`) in workerd on a loopback port,
 * with its Durable Object bound as DOWNSCOPE_STATE and no network.
 */
export async function serveWorker({ scriptPath, bindings, port }) {
  const listenPort = port ?? (await freePort());
  const logs = [];
  // Miniflare 5 takes a new options shape; the familiar (v4) one converts into it.
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: "127.0.0.1",
      port: listenPort,
      cf: false,
      handleStructuredLogs: ({ message }) => {
        for (const line of String(message).split("\n")) {
          try {
            logs.push(JSON.parse(line));
          } catch {
            logs.push({ text: line });
          }
        }
      },
      workers: [
        {
          name: "downscope",
          modules: true,
          scriptPath,
          compatibilityDate: "2026-11-01",
          compatibilityFlags: ["nodejs_compat"],
          bindings,
          durableObjects: { DOWNSCOPE_STATE: { className: "TokenState", useSQLite: true } },
          outboundService: (request) => new Response(`no network here: ${request.url}`, { status: 599 }),
        },
      ],
    }),
  );
  await mf.ready;
  return { url: `http://127.0.0.1:${listenPort}`, logs, stop: () => mf.dispose() };
}
