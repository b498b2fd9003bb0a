// Runs the real token service locally for end-to-end tests, the demo and benchmarks: the
// Worker exactly as `wrangler deploy` would bundle it, served by workerd (through Miniflare)
// on a loopback port, with no network: any outbound request it makes is refused.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { parse } from "yaml";

const run = promisify(execFile);
const bundles = new Map();

/**
 * Bundles worker/ with wrangler, as `wrangler deploy` would, once per process and artifact, into
 * .build/worker…/index.js. `artifact` is a policy artifact to bundle in place of .build/policy.json
 * (wrangler's own --alias). Resolves to `{ scriptPath, upload }`, `upload` being wrangler's size
 * line ("Total Upload: … / gzip: …").
 */
export function bundleWorker({ artifact } = {}) {
  const key = artifact ? resolve(artifact) : "";
  if (!bundles.has(key)) {
    const outdir = key
      ? `.build/worker-${createHash("sha256").update(key).digest("hex").slice(0, 12)}`
      : ".build/worker";
    const args = [
      "deploy",
      "--dry-run",
      "--outdir",
      outdir,
      ...(key ? ["--alias", `downscope-policy-artifact:${key}`] : []),
    ];
    bundles.set(
      key,
      run("node_modules/.bin/wrangler", args, {
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
        maxBuffer: 16 * 1024 * 1024,
      }).then(({ stdout }) => ({
        scriptPath: `${outdir}/index.js`,
        upload: stdout.match(/Total Upload: [^\n]*/)?.[0] ?? "",
      })),
    );
  }
  return bundles.get(key);
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
 * Starts the service. `policy` is YAML or JSON text, handed to the Worker as JSON (DOWNSCOPE_POLICY;
 * the Worker reads no YAML); or `artifact`, the path of a policy artifact bundled into the Worker
 * as a deployment does (`downscope policy build`), with DOWNSCOPE_POLICY unset. `signingKeys` is a
 * JWK array; `bindings` adds others (DOWNSCOPE_GITHUB_APP_KEYS); `network` answers the Worker's
 * outbound requests (a fake GitHub API on loopback), which are otherwise refused. Returns
 * `{ url, logs, stop }`: `logs` collects the worker's log lines as parsed JSON.
 */
export async function startLocalService({ policy, artifact, signingKeys, port, bindings = {}, network }) {
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  const { scriptPath } = await bundleWorker({ artifact });
  return serveWorker({
    scriptPath,
    port: listenPort,
    bindings: {
      DOWNSCOPE_ISSUER: url,
      ...(policy === undefined ? {} : { DOWNSCOPE_POLICY: JSON.stringify(parse(policy)) }),
      DOWNSCOPE_SIGNING_KEYS: JSON.stringify(signingKeys),
      ...bindings,
    },
    network,
  });
}

/**
 * Serves a bundled worker module (which exports `TokenState`) in workerd on a loopback port,
 * with its Durable Object bound as DOWNSCOPE_STATE and no network.
 */
export async function serveWorker({ scriptPath, bindings, port, network }) {
  const listenPort = port ?? (await freePort());
  const logs = [];
  // Miniflare 5 takes a new options shape; the familiar (v4) one converts into it.
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: "127.0.0.1",
      port: listenPort,
      cf: false,
      handleStructuredLogs: ({ message }) => {
        logs.push(readLoggedObject(String(message)) ?? { text: String(message) });
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
          outboundService: network ?? ((request) => new Response(`no network here: ${request.url}`, { status: 599 })),
        },
      ],
    }),
  );
  await mf.ready;
  return { url: `http://127.0.0.1:${listenPort}`, logs, stop: () => mf.dispose() };
}

/**
 * The service logs records as objects (Workers Logs indexes their fields); workerd prints them
 * locally as JavaScript literals (`{ level: 'info', status: 400 }`). This reads such a literal
 * back, with no evaluation: quoted strings, bare keys, numbers, booleans, null, nesting. Anything
 * else is not a record, and `undefined` is returned.
 */
export function readLoggedObject(text) {
  let json = "";
  let i = 0;
  const source = text.trim();
  if (!source.startsWith("{")) return undefined;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "'" || ch === '"') {
      let value = "";
      for (i++; i < source.length && source[i] !== ch; i++) {
        if (source[i] === "\\") {
          i++;
          const escaped = source[i];
          value += escaped === "n" ? "\n" : escaped === "t" ? "\t" : escaped;
        } else value += source[i];
      }
      if (i >= source.length) return undefined;
      json += JSON.stringify(value);
      i++;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const word = source.slice(i).match(/^[A-Za-z_$][\w$]*/)[0];
      i += word.length;
      if (["true", "false", "null"].includes(word)) json += word;
      else if (word === "undefined") json += "null";
      else json += JSON.stringify(word);
    } else {
      json += ch;
      i++;
    }
  }
  try {
    const value = JSON.parse(json);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** POST /token with a GitHub token, as a client of the service does (RFC 8693 form). */
export function postTokenExchange(serviceUrl, subjectToken, extra = {}) {
  return fetch(`${serviceUrl}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      subject_token: subjectToken,
      ...extra,
    }),
  });
}
