// A stand-in for the GitHub Actions runner, for end-to-end tests and the demo: its OIDC token
// endpoint (tokens signed for real by the fake GitHub issuer), and running the action's built
// steps (dist/) as child processes with the runner's environment variables and files.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { githubClaims, signGithubToken } from "./fake-github.mjs";

/**
 * The runner's ID-token endpoint (what ACTIONS_ID_TOKEN_REQUEST_URL points at). Each request
 * gets a fresh token for the `audience` asked for, with `claims()` merged into GitHub's usual ones.
 * `failNext(n, status)` makes the next n requests fail, as the runner sometimes does.
 */
export async function startIdTokenEndpoint({ privateJwk, claims = () => ({}) }) {
  const bearer = `runner-${crypto.randomUUID()}`;
  const state = { requests: [], failures: [], claims };
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://runner");
    state.requests.push({ audience: url.searchParams.get("audience"), authorization: request.headers.authorization });
    const failure = state.failures.shift();
    if (failure) {
      response.writeHead(failure, { "content-type": "application/json" }).end('{"message":"try again"}');
      return;
    }
    if (request.headers.authorization !== `Bearer ${bearer}`) {
      response.writeHead(401).end();
      return;
    }
    const audience = url.searchParams.get("audience");
    signGithubToken(privateJwk, githubClaims({ ...(audience ? { aud: audience } : {}), ...state.claims() })).then(
      (value) => {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ count: 1, value }));
      },
    );
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/_apis/distributedtask/idtoken?api-version=2.0`,
    bearer,
    requests: state.requests,
    failNext(count, status = 503) {
      for (let i = 0; i < count; i++) state.failures.push(status);
    },
    setClaims(next) {
      state.claims = next;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Parses a runner file command file: `name<<delimiter`, the value's lines, `delimiter`. */
export function parseFileCommands(text) {
  const values = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
    values[name] = value.join("\n");
  }
  return values;
}

/**
 * Runs `node dist/<step>.js` as the runner would: inputs as INPUT_*, state from an earlier
 * step as STATE_*, and fresh GITHUB_OUTPUT/ENV/STATE/STEP_SUMMARY files whose contents it returns.
 * `idTokens` is the endpoint from `startIdTokenEndpoint`, or omitted (no `id-token: write`).
 */
export async function runActionStep(step, { inputs = {}, state = {}, idTokens, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "downscope-runner-"));
  const files = {
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_ENV: join(dir, "env"),
    GITHUB_STATE: join(dir, "state"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
  };
  for (const path of Object.values(files)) writeFileSync(path, "");
  const childEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    CI: "true",
    RUNNER_TEMP: process.env.DOWNSCOPE_RUNNER_TEMP ?? tmpdir(),
    ...files,
    ...(idTokens
      ? { ACTIONS_ID_TOKEN_REQUEST_URL: idTokens.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: idTokens.bearer }
      : {}),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value])),
    ...env,
  };
  const child = spawn(process.execPath, [`dist/${step}.js`], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  const read = (name) => readFileSync(files[name], "utf8");
  const result = {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(read("GITHUB_OUTPUT")),
    exported: parseFileCommands(read("GITHUB_ENV")),
    state: parseFileCommands(read("GITHUB_STATE")),
    summary: read("GITHUB_STEP_SUMMARY"),
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/**
 * The message of the first `::error …::` workflow command a step printed (its properties, such
 * as title, left out), decoded as the runner decodes it; "" when there is none.
 */
export function errorAnnotation(stdout) {
  const line = stdout.split("\n").find((candidate) => /^::error( [^:]*)?::/.test(candidate)) ?? "";
  return decodeURIComponent(line.replace(/^::error( [^:]*)?::/, "").replace(/\r$/, ""));
}
