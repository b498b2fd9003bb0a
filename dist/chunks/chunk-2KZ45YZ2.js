// action/core.ts
var systemClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
};
var ActionError = class extends Error {
  name = "ActionError";
};

// worker/oidc/compact-jwt.ts
var BASE64URL = /^[A-Za-z0-9_-]+$/;
function decodeCompactJwt(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return void 0;
  const header = decodeJsonObject(parts[0]);
  const payload = decodeJsonObject(parts[1]);
  if (!header || !payload) return void 0;
  return { header, payload };
}
function base64UrlDecode(part) {
  if (part.length % 4 === 1) return void 0;
  let binary;
  try {
    binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return void 0;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
function decodeJsonObject(part) {
  const bytes = base64UrlDecode(part);
  if (!bytes) return void 0;
  try {
    const value = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}

// action/retry.ts
var DEFAULT_RETRY_POLICY = {
  maxAttempts: 5,
  baseDelayMs: 1e3,
  maxDelayMs: 1e4,
  maxRetryAfterMs: 3e4,
  totalBudgetMs: 9e4
};
function backoffDelay(retry, policy, random) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
function parseRetryAfter(value, now) {
  if (value === null || value.trim() === "") return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
async function withRetries(attempt, policy, clock, onRetry) {
  const started = clock.now();
  for (let number = 1; ; number++) {
    const outcome = await attempt(number);
    if ("ok" in outcome) return outcome.ok;
    const jitter = backoffDelay(number - 1, policy, clock.random);
    const delay = outcome.retryAfterMs === void 0 ? jitter : Math.min(policy.maxRetryAfterMs, Math.max(outcome.retryAfterMs, jitter));
    const elapsed = clock.now() - started;
    if (number >= policy.maxAttempts || elapsed + delay > policy.totalBudgetMs) {
      throw new ActionError(
        `Gave up after ${number} attempt${number === 1 ? "" : "s"} in ${Math.round(elapsed / 1e3)}s: ${outcome.transient}.`
      );
    }
    onRetry(outcome.transient, delay, number + 1);
    await clock.sleep(delay);
  }
}

// action/id-token.ts
var PERMISSIONS_HELP = `downscope needs the job's GitHub OIDC token, and this job may not ask for one.
Add this to the job (or to the whole workflow):

  permissions:
    id-token: write
    contents: read

(Setting any permissions replaces the defaults, so list every one the job needs.)
If this run comes from a pull request opened from a fork, GitHub withholds OIDC tokens from it
whatever the permissions say: run deployments on push, on workflow_dispatch, or on
pull_request_target with a rule that names that event, never on code from untrusted forks.`;
function idTokenEndpoint(env) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) throw new ActionError(PERMISSIONS_HELP);
  return { url, bearer };
}
var TIMEOUT_MS = 15e3;
async function requestIdToken(fetcher, endpoint, audience, now) {
  const url = new URL(endpoint.url);
  url.searchParams.set("audience", audience);
  let response;
  try {
    response = await fetcher(url, {
      headers: { authorization: `Bearer ${endpoint.bearer}`, accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
  } catch (error) {
    return { transient: `the runner's OIDC endpoint could not be reached (${describeError(error)})` };
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    return {
      transient: `the runner refused to issue an OIDC token for now (HTTP ${response.status})`,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now)
    };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ActionError(
      `The runner refused to issue an OIDC token (HTTP ${response.status}). Check the job's "id-token: write" permission.`
    );
  }
  const body = await response.json().catch(() => void 0);
  if (typeof body?.value !== "string" || body.value === "") {
    return { transient: "the runner's OIDC endpoint answered without a token" };
  }
  return { ok: body.value };
}
function describeError(error) {
  if (error instanceof Error) {
    const cause = error.cause?.code;
    return cause ? `${error.message}: ${cause}` : error.message;
  }
  return "unknown error";
}

// worker/policy/duration.ts
var HARD_MAX_TTL_SECONDS = 3600;
var UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
var DURATION = /^([0-9]{1,6})([smh]?)$/;
function parseDuration(value) {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value > 0 ? value : void 0;
  }
  if (typeof value !== "string") return void 0;
  const match = DURATION.exec(value);
  if (!match) return void 0;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] === "" ? "s" : match[2]];
  return seconds > 0 ? seconds : void 0;
}

// worker/policy/names.ts
var SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;
var ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// action/inputs.ts
var LOOPBACK = /^(localhost|127(?:\.[0-9]{1,3}){3}|\[::1\])$/;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
var RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^(PATH|HOME|NODE_OPTIONS|CI)$/;
function readInputs(core) {
  const input = (name) => core.getInput(name).trim();
  const url = parseServiceUrl(input("url"));
  const environment = input("environment") || void 0;
  if (environment !== void 0 && !ENVIRONMENT_NAME.test(environment)) {
    throw new ActionError(
      `Input "environment" must be an environment name (letters, digits, ".", "_", "-"), got "${environment}".`
    );
  }
  const scope = input("scope");
  const scopes = scope === "" ? void 0 : scope.split(/\s+/);
  for (const item of scopes ?? []) {
    if (!SCOPE_TOKEN.test(item)) {
      throw new ActionError(`Input "scope" must be space-separated scopes, and "${item}" is not one.`);
    }
  }
  const ttl = parseTtl(input("ttl"));
  const audience = input("audience") || new URL(url).origin;
  const exportEnv = input("export-env") || void 0;
  if (exportEnv !== void 0 && (!ENV_NAME.test(exportEnv) || RESERVED_ENV.test(exportEnv))) {
    throw new ActionError(
      `Input "export-env" must be an environment variable name of your own (not PATH, GITHUB_*, RUNNER_* \u2026), got "${exportEnv}".`
    );
  }
  return {
    url,
    environment,
    scopes,
    ttl,
    audience,
    dpop: parseBoolean("dpop", input("dpop"), false),
    revoke: parseBoolean("revoke", input("revoke"), true),
    exportEnv
  };
}
function parseServiceUrl(value) {
  if (value === "") throw new ActionError('Input "url" is required: the base URL of your downscope service.');
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ActionError(`Input "url" must be a URL such as https://downscope.example.com, got "${value}".`);
  }
  const secure = url.protocol === "https:" || url.protocol === "http:" && LOOPBACK.test(url.hostname);
  if (!secure) {
    throw new ActionError(`Input "url" must use https (http only for localhost), got "${value}".`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ActionError(`Input "url" must not carry credentials, a query or a fragment, got "${value}".`);
  }
  return url.href.replace(/\/+$/, "");
}
function parseTtl(value) {
  if (value === "") return void 0;
  const seconds = parseDuration(value);
  if (seconds === void 0) {
    throw new ActionError(
      `Input "ttl" must be a duration such as "10m", "90s", "1h" or whole seconds, got "${value}".`
    );
  }
  if (seconds > HARD_MAX_TTL_SECONDS) throw new ActionError(`Input "ttl" must be at most 1h, got "${value}".`);
  return seconds;
}
function parseBoolean(name, value, fallback) {
  if (value === "") return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new ActionError(`Input "${name}" must be true or false, got "${value}".`);
}

// action/report.ts
var IDENTITY = [
  [
    "repository",
    (c) => join(
      c.repository,
      c.repository_id && `id ${c.repository_id}`,
      c.repository_owner_id && `owner id ${c.repository_owner_id}`
    )
  ],
  ["ref", (c) => join(c.ref, c.ref_type)],
  ["environment", (c) => text(c.environment) ?? "(none: the job has no GitHub environment)"],
  ["workflow", (c) => text(c.job_workflow_ref)],
  ["event", (c) => text(c.event_name)],
  ["runner", (c) => text(c.runner_environment)],
  ["actor", (c) => text(c.actor)],
  ["run", (c) => join(c.run_id, c.run_attempt && `attempt ${c.run_attempt}`)]
];
function renderRefusal(status, body, subjectToken) {
  const lines = [
    `downscope refused the token (HTTP ${status} ${body.error}): ${body.error_description ?? "no description"}`
  ];
  if (body.denial) lines.push("", ...renderDenial(body.denial));
  if (body.refused_scopes?.length) {
    lines.push("", `Refused scopes: ${body.refused_scopes.join(" ")}. Ask only for scopes the matching rule grants.`);
  }
  const identity = subjectToken ? renderIdentity(subjectToken) : [];
  if (identity.length > 0) {
    lines.push("", "The job's identity, from its GitHub OIDC token (claims only, not the token):", ...identity);
  }
  return lines.join("\n");
}
function renderDenial(denial) {
  const who = `${denial.repository ?? "this repository"}${denial.repository_id ? ` (id ${denial.repository_id})` : ""}`;
  if (!denial.covered) {
    return [
      `No rule of environment "${denial.environment}" covers ${who}.`,
      "Ask the environment's admins for a rule naming this repository (by repository_id)."
    ];
  }
  const lines = [`Environment "${denial.environment}", rules for ${who}:`];
  for (const rule of denial.rules) {
    lines.push(`  rule "${rule.rule}":`);
    for (const failed of rule.failed) {
      const expected = failed.expected.length > 0 ? failed.expected.join(" or ") : "(not this event)";
      lines.push(`    \u2717 ${failed.condition}: expected ${expected}, got ${failed.actual ?? "(no such claim)"}`);
      if (failed.note) lines.push(`      ${failed.note}`);
    }
  }
  return lines;
}
function renderIdentity(subjectToken) {
  const claims = decodeCompactJwt(subjectToken)?.payload;
  if (!claims) return [];
  const width = Math.max(...IDENTITY.map(([label]) => label.length)) + 2;
  return IDENTITY.flatMap(([label, render]) => {
    const value = render(claims);
    return value === void 0 ? [] : [`  ${label.padEnd(width)}${value}`];
  });
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function join(first, ...details) {
  const head = text(first);
  if (head === void 0) return void 0;
  const rest = details.map(text).filter((detail) => detail !== void 0);
  return rest.length > 0 ? `${head} (${rest.join(", ")})` : head;
}

// action/summary.ts
function jobSummary(facts) {
  const minutes = Math.round(facts.expiresIn / 60);
  const rows = [
    ["environment", facts.environment],
    ["scopes", facts.scope === "" ? "(none)" : facts.scope],
    ["token type", facts.tokenType],
    ["expires", `${facts.expiresAt} (in ${minutes >= 1 ? `${minutes} min` : `${facts.expiresIn} s`})`],
    ["token id", facts.tokenId ?? "(unknown)"]
  ];
  return [
    `### downscope: a token for ${escapeCell(facts.environment)}`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([name, value]) => `| ${name} | \`${escapeCell(value)}\` |`),
    ""
  ].join("\n");
}
function escapeCell(value) {
  return value.replace(/[|`\n\r]/g, " ");
}

// action/token-client.ts
var TIMEOUT_MS2 = 3e4;
var TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
var ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
async function exchangeSubjectToken(fetcher, request, subjectToken, now, dpopProof) {
  const form = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    subject_token_type: ID_TOKEN_TYPE,
    subject_token: subjectToken
  });
  if (request.environment) form.set("environment", request.environment);
  if (request.scopes) form.set("scope", request.scopes.join(" "));
  if (request.ttl) form.set("expires_in", String(request.ttl));
  let response;
  try {
    response = await fetcher(`${request.url}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        ...dpopProof ? { dpop: dpopProof } : {}
      },
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS2)
    });
  } catch (error) {
    return { transient: `${request.url} could not be reached (${describeError(error)})` };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const body = await response.json().catch(() => void 0);
  if (response.status === 429 || response.status >= 500) {
    const description = typeof body?.error_description === "string" ? `: ${body.error_description}` : "";
    return { transient: `the service answered HTTP ${response.status}${description}`, retryAfterMs };
  }
  if (response.ok && isGranted(body)) return { ok: { granted: body } };
  if (!response.ok && typeof body?.error === "string") {
    return { ok: { refused: body, status: response.status } };
  }
  return {
    ok: {
      refused: { error: "unexpected_response", error_description: `HTTP ${response.status} without a token response` },
      status: response.status
    }
  };
}
function isGranted(body) {
  return typeof body?.access_token === "string" && body.access_token !== "" && typeof body.token_type === "string" && typeof body.expires_in === "number" && typeof body.scope === "string" && typeof body.environment === "string";
}

// action/exchange-step.ts
var STATE = {
  token: "token",
  url: "url",
  expiresAt: "expires-at",
  revoke: "revoke",
  dpopKeyFile: "dpop-key-file"
};
async function runExchangeStep(deps, policy = DEFAULT_RETRY_POLICY) {
  const { core, clock } = deps;
  try {
    const endpoint = idTokenEndpoint(deps.env);
    const inputs = readInputs(core);
    const dpop = inputs.dpop ? await import("./dpop-MI5PBGE7.js") : void 0;
    const dpopKey = dpop ? await dpop.generateDpopKey() : void 0;
    if (dpopKey) {
      core.setSecret(JSON.stringify(dpopKey.privateJwk));
      core.setSecret(String(dpopKey.privateJwk.d));
    }
    let lastSubjectToken;
    const outcome = await withRetries(
      async () => {
        const idToken = await requestIdToken(deps.fetch, endpoint, inputs.audience, clock.now());
        if (!("ok" in idToken)) return idToken;
        core.setSecret(idToken.ok);
        lastSubjectToken = idToken.ok;
        const proof = dpopKey ? await dpop?.createDpopProof(dpopKey, {
          method: "POST",
          url: `${inputs.url}/token`,
          now: Math.floor(clock.now() / 1e3)
        }) : void 0;
        return exchangeSubjectToken(deps.fetch, inputs, idToken.ok, clock.now(), proof);
      },
      policy,
      clock,
      (reason, delayMs, next) => core.warning(`${reason}; retrying in ${(delayMs / 1e3).toFixed(1)}s (attempt ${next})`)
    );
    if ("refused" in outcome) throw new ActionError(renderRefusal(outcome.status, outcome.refused, lastSubjectToken));
    const granted = outcome.granted;
    core.setSecret(granted.access_token);
    if (dpopKey && granted.token_type !== "DPoP") {
      throw new ActionError(
        `Asked for a DPoP-bound token, but the service issued a ${granted.token_type} token: refusing to use it.`
      );
    }
    const claims = decodeCompactJwt(granted.access_token)?.payload;
    const exp = typeof claims?.exp === "number" ? claims.exp * 1e3 : clock.now() + granted.expires_in * 1e3;
    const expiresAt = new Date(exp).toISOString();
    core.setOutput("token", granted.access_token);
    core.setOutput("token-type", granted.token_type);
    core.setOutput("expires-at", expiresAt);
    core.setOutput("expires-in", granted.expires_in);
    core.setOutput("scope", granted.scope);
    core.setOutput("environment", granted.environment);
    if (inputs.exportEnv) core.exportVariable(inputs.exportEnv, granted.access_token);
    if (dpopKey) {
      const key = JSON.stringify(dpopKey.privateJwk);
      core.setOutput("dpop-key", key);
      if (deps.secretFiles) {
        const path = deps.secretFiles.write("dpop-key.jwk", key);
        core.setOutput("dpop-key-file", path);
        core.saveState(STATE.dpopKeyFile, path);
      }
    }
    core.saveState(STATE.token, granted.access_token);
    core.saveState(STATE.url, inputs.url);
    core.saveState(STATE.expiresAt, expiresAt);
    core.saveState(STATE.revoke, String(inputs.revoke));
    const tokenId = typeof claims?.jti === "string" ? claims.jti : void 0;
    core.info(
      `downscope issued a ${granted.token_type} token for "${granted.environment}" (scopes: ${granted.scope || "none"}; expires ${expiresAt}; id ${tokenId ?? "unknown"}).`
    );
    await core.summary.addRaw(
      jobSummary({
        environment: granted.environment,
        scope: granted.scope,
        tokenType: granted.token_type,
        expiresAt,
        expiresIn: granted.expires_in,
        tokenId
      })
    ).write().catch((error) => core.warning(`Could not write the job summary: ${String(error)}`));
  } catch (error) {
    core.setFailed(error instanceof ActionError ? error.message : `downscope failed unexpectedly: ${String(error)}`);
  }
}

// action/http-client.ts
var { request: httpRequest } = process.getBuiltinModule("node:http");
var { request: httpsRequest } = process.getBuiltinModule("node:https");
var MAX_RESPONSE_BYTES = 1024 * 1024;
var lightFetch = ((input, init = {}) => new Promise((resolve, reject) => {
  const url = new URL(String(input));
  const body = init.body === void 0 || init.body === null ? void 0 : String(init.body);
  const headers = {};
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  if (body !== void 0) headers["content-length"] = String(Buffer.byteLength(body));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const request = send(
    url,
    { method: init.method ?? "GET", headers, signal: init.signal ?? void 0 },
    (response) => {
      const chunks = [];
      let size = 0;
      response.on("data", (chunk) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          response.destroy();
          reject(new Error("response larger than 1 MiB"));
        } else chunks.push(chunk);
      });
      response.on(
        "end",
        () => resolve(lightResponse(response.statusCode ?? 0, response.headers, Buffer.concat(chunks)))
      );
      response.on("error", reject);
    }
  );
  request.on("error", reject);
  request.end(body);
}));
function lightResponse(status, headers, bytes) {
  const text2 = async () => bytes.toString("utf8");
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()];
        if (value === void 0) return null;
        return Array.isArray(value) ? value.join(", ") : value;
      }
    },
    text: text2,
    json: async () => JSON.parse(await text2()),
    body: { cancel: async () => {
    } }
  };
}

// action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function command(name, message) {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}
function fileCommand(env, variable, name, value) {
  const path = env[variable];
  if (!path) return false;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: name or value contains the delimiter ${delimiter}`);
  }
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: "utf8" });
  return true;
}
function runnerCore(env = process.env) {
  let summary = "";
  const writer = {
    addRaw(text2, addEOL = false) {
      summary += addEOL ? `${text2}${EOL}` : text2;
      return writer;
    },
    async write() {
      const path = env.GITHUB_STEP_SUMMARY;
      if (!path) throw new Error("GITHUB_STEP_SUMMARY is not set");
      appendFileSync(path, summary, { encoding: "utf8" });
      summary = "";
      return writer;
    }
  };
  return {
    getInput(name, options) {
      const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "";
      if (options?.required && value === "") throw new Error(`Input required and not supplied: ${name}`);
      return options?.trimWhitespace === false ? value : value.trim();
    },
    setSecret: (secret) => command("add-mask", secret),
    setOutput(name, value) {
      if (!fileCommand(env, "GITHUB_OUTPUT", name, String(value))) {
        process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(String(value))}${EOL}`);
      }
    },
    exportVariable(name, value) {
      env[name] = value;
      if (!fileCommand(env, "GITHUB_ENV", name, value)) command(`set-env name=${name}`, value);
    },
    saveState(name, value) {
      if (!fileCommand(env, "GITHUB_STATE", name, value)) command(`save-state name=${name}`, value);
    },
    getState: (name) => env[`STATE_${name}`] ?? "",
    info: (message) => process.stdout.write(`${message}${EOL}`),
    debug: (message) => command("debug", message),
    warning: (message) => command("warning", message),
    setFailed(message) {
      process.exitCode = 1;
      command("error", message);
    },
    summary: writer
  };
}

// action/secret-files.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
function runnerSecretFiles(env = process.env) {
  return {
    write(name, content) {
      const dir = mkdtempSync(join2(env.RUNNER_TEMP || tmpdir(), "downscope-"));
      const path = join2(dir, name);
      writeFileSync(path, content, { mode: 384, flag: "wx" });
      return path;
    },
    remove(path) {
      rmSync(join2(path, ".."), { recursive: true, force: true });
    }
  };
}

export {
  systemClock,
  describeError,
  STATE,
  runExchangeStep,
  lightFetch,
  runnerCore,
  runnerSecretFiles
};
