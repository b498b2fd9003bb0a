import {
  ActionError,
  DEFAULT_RETRY_POLICY,
  ResponseTooLarge,
  STATE,
  actionsCore,
  describeError,
  idTokenEndpoint,
  lightFetch,
  parseRetryAfter,
  parseServiceUrl,
  requestIdToken,
  revokeGithubToken,
  revokeNow,
  runnerSecretFiles,
  shown,
  systemClock,
  withRetries
} from "./chunks/chunk-Z4RZGQEJ.js";
import "./chunks/chunk-WSFCRVEQ.js";

// protocol/compact-jwt.ts
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

// action/federation-files.ts
var JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
var GOOGLE_PROVIDER = /^(?:https:)?(\/\/iam\.googleapis\.com\/projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+)$/;
function writeFederationFiles(files, token, audience, gcpServiceAccount) {
  const tokenFile = files.write("token.jwt", token);
  const provider = typeof audience === "string" ? GOOGLE_PROVIDER.exec(audience)?.[1] : void 0;
  if (!provider) return { tokenFile };
  const credentials = {
    type: "external_account",
    audience: provider,
    subject_token_type: JWT_TOKEN_TYPE,
    token_url: "https://sts.googleapis.com/v1/token",
    ...gcpServiceAccount ? {
      service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${gcpServiceAccount}:generateAccessToken`
    } : {},
    credential_source: { file: tokenFile, format: { type: "text" } }
  };
  return { tokenFile, gcpCredentialsFile: files.write("gcp-credentials.json", JSON.stringify(credentials, null, 2)) };
}

// protocol/duration.ts
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

// protocol/names.ts
var SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;
var ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// action/inputs.ts
var SERVICE_ACCOUNT = /^[a-z0-9][a-z0-9-]{0,62}@[a-z0-9][a-z0-9.-]{0,253}$/;
var MAX_ATTEMPTS = 10;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
var COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
var MAX_TOKEN_LENGTH = 8 * 1024;
var RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^(PATH|HOME|NODE_OPTIONS|CI)$/;
function readInputs(core) {
  const input = (name) => core.getInput(name).trim();
  const url = serviceUrl(input("url"));
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
  const narrowFrom = input("narrow-from") || void 0;
  if (narrowFrom !== void 0 && (narrowFrom.length > MAX_TOKEN_LENGTH || !COMPACT_JWT.test(narrowFrom))) {
    throw new ActionError(
      `Input "narrow-from" must be a downscope token (a JWT of at most 8 KiB), such as an earlier step's "token" output.`
    );
  }
  const narrowFromKeyFile = input("narrow-from-key-file") || void 0;
  if (narrowFromKeyFile !== void 0 && narrowFrom === void 0) {
    throw new ActionError('Input "narrow-from-key-file" goes with "narrow-from": the key of the token to narrow.');
  }
  const gcpServiceAccount = input("gcp-service-account") || void 0;
  if (gcpServiceAccount !== void 0 && !SERVICE_ACCOUNT.test(gcpServiceAccount)) {
    throw new ActionError(
      `Input "gcp-service-account" must be a service account's email, e.g. deployer@my-project.iam.gserviceaccount.com, not "${shown(gcpServiceAccount)}".`
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
    exportEnv,
    retries: parseAttempts(input("retries")),
    summary: parseBoolean("summary", input("summary"), true),
    ...narrowFrom !== void 0 ? { narrowFrom } : {},
    ...narrowFromKeyFile !== void 0 ? { narrowFromKeyFile } : {},
    ...gcpServiceAccount !== void 0 ? { gcpServiceAccount } : {}
  };
}
function serviceUrl(value) {
  if (value === "") throw new ActionError('Input "url" is required: the base URL of your downscope service.');
  const parsed = parseServiceUrl(value);
  if (parsed.ok) return parsed.url;
  throw new ActionError(
    {
      not_a_url: `Input "url" must be a URL such as https://downscope.example.com, got "${value}".`,
      insecure: `Input "url" must use https (http only for localhost), got "${value}".`,
      extras: `Input "url" must not carry credentials, a query or a fragment, got "${value}".`
    }[parsed.problem]
  );
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
function parseAttempts(value) {
  if (value === "") return 5;
  if (!/^[0-9]{1,2}$/.test(value) || Number(value) < 1 || Number(value) > MAX_ATTEMPTS) {
    throw new ActionError(
      `Input "retries" must be the number of attempts, 1 to ${MAX_ATTEMPTS} (1: no retry), got "${value}".`
    );
  }
  return Number(value);
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
function renderRefusal(status, body, subjectToken, narrowing = false) {
  const lines = [
    `downscope refused the token (HTTP ${status} ${body.error}): ${body.error_description ?? "no description"}`
  ];
  if (body.denial) lines.push("", ...renderDenial(body.denial));
  if (body.refused_scopes?.length) {
    lines.push("", `Refused scopes: ${body.refused_scopes.join(" ")}. Ask only for scopes the matching rule grants.`);
  }
  const identity = subjectToken ? renderIdentity(subjectToken) : [];
  if (identity.length > 0) {
    const source = narrowing ? "The identity of the token in narrow-from (claims only, not the token):" : "The job's identity, from its GitHub OIDC token (claims only, not the token):";
    lines.push("", source, ...identity);
  }
  return lines.map(shown).join("\n");
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
var TIMEOUT_MS = 3e4;
var TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
var ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
var ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
async function exchangeSubjectToken(fetcher, request, subject, now, dpopProof) {
  const form = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    subject_token_type: subject.kind === "github" ? ID_TOKEN_TYPE : ACCESS_TOKEN_TYPE,
    subject_token: subject.token
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
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
  } catch (error) {
    if (error instanceof ResponseTooLarge) {
      throw notDownscope(request.url, error.status, error.contentType, null, "a body larger than 1 MiB");
    }
    return { transient: `${request.url} could not be reached (${describeError(error)})` };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const text2 = await response.text().catch(() => "");
  const contentType = response.headers.get("content-type");
  let body;
  try {
    const parsed = JSON.parse(text2);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed;
  } catch {
  }
  if (response.status === 429 || response.status >= 500) {
    const description = typeof body?.error_description === "string" ? `: ${shown(body.error_description)}` : "";
    return { transient: `the service answered HTTP ${response.status}${description}`, retryAfterMs };
  }
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400) {
    throw notDownscope(request.url, response.status, contentType, location, snippet(text2));
  }
  if (!body) throw notDownscope(request.url, response.status, contentType, location, snippet(text2));
  if (response.ok && isGranted(body)) return { ok: { granted: body } };
  if (!response.ok && typeof body.error === "string") {
    return { ok: { refused: body, status: response.status } };
  }
  throw notDownscope(
    request.url,
    response.status,
    contentType,
    location,
    "JSON that is neither a token nor an OAuth error"
  );
}
function snippet(text2) {
  const flat = text2.replace(/\s+/g, " ").trim();
  return flat === "" ? "an empty body" : `"${shown(flat.slice(0, 120))}${flat.length > 120 ? "\u2026" : ""}"`;
}
function notDownscope(url, status, contentType, location, what) {
  const details = [`HTTP ${status}`, `content-type ${contentType ? shown(contentType) : "(none)"}`];
  if (location) details.push(`Location ${shown(location)}`);
  return new ActionError(
    `The url input (${url}) does not point at a downscope service: ${url}/token answered ${details.join(", ")}, with ${what}. Check the url input: it is the service's base URL (its /.well-known/oauth-authorization-server describes it); a redirect is never followed, so that the GitHub token goes nowhere else.`
  );
}
function isGranted(body) {
  return typeof body?.access_token === "string" && body.access_token !== "" && typeof body.token_type === "string" && typeof body.expires_in === "number" && (body.scope === void 0 || typeof body.scope === "string") && (body.issued_token_type === void 0 || typeof body.issued_token_type === "string") && (body.github_api_url === void 0 || typeof body.github_api_url === "string") && typeof body.environment === "string";
}

// action/exchange-step.ts
async function runExchangeStep(deps, policy = DEFAULT_RETRY_POLICY) {
  const { core, clock } = deps;
  let minted;
  try {
    const narrowFrom = core.getInput("narrow-from").trim() || void 0;
    if (narrowFrom) core.setSecret(narrowFrom);
    const endpoint = narrowFrom ? void 0 : idTokenEndpoint(deps.env);
    const inputs = readInputs(core);
    core.debug(
      narrowFrom ? `downscope: url ${inputs.url}, narrowing the token in narrow-from, up to ${inputs.retries} attempts` : `downscope: url ${inputs.url}, audience ${inputs.audience}, up to ${inputs.retries} attempts`
    );
    const boundTo = narrowFrom ? boundKeyOf(narrowFrom) : void 0;
    if (narrowFrom && boundTo === void 0 && inputs.narrowFromKeyFile) {
      throw new ActionError(
        'Input "narrow-from-key-file" is for a DPoP-bound narrow-from token, and this one is a bearer token: leave it out (or set dpop: true to bind the new token to a key of its own).'
      );
    }
    const dpop = inputs.dpop || boundTo !== void 0 ? await import("./chunks/dpop-key-V4DY5IZT.js") : void 0;
    let dpopKey;
    if (dpop && boundTo !== void 0) {
      dpopKey = await readParentKey(deps, inputs.narrowFromKeyFile, boundTo, dpop.dpopKeyFromJwk);
    } else if (dpop) {
      dpopKey = await dpop.generateDpopKey();
      core.setSecret(JSON.stringify(dpopKey.privateJwk));
      core.setSecret(String(dpopKey.privateJwk.d));
    }
    let lastSubjectToken;
    const outcome = await withRetries(
      async (attempt) => {
        const started = clock.now();
        const idToken = endpoint === void 0 ? { ok: narrowFrom } : await requestIdToken(deps.fetch, endpoint, inputs.audience, clock.now());
        core.debug(
          `downscope: attempt ${attempt}: OIDC token ${"ok" in idToken ? "received" : "not received"} in ${clock.now() - started} ms`
        );
        if (!("ok" in idToken)) return idToken;
        core.setSecret(idToken.ok);
        lastSubjectToken = idToken.ok;
        const proof = dpopKey ? await dpop?.createDpopProof(dpopKey, {
          method: "POST",
          url: `${inputs.url}/token`,
          now: Math.floor(clock.now() / 1e3)
        }) : void 0;
        const exchangeStarted = clock.now();
        const subject = { token: idToken.ok, kind: narrowFrom ? "access_token" : "github" };
        const exchanged = await exchangeSubjectToken(deps.fetch, inputs, subject, clock.now(), proof);
        const result = "ok" in exchanged ? "granted" in exchanged.ok ? "granted" : `refused (HTTP ${exchanged.ok.status})` : "transient failure";
        core.debug(
          `downscope: attempt ${attempt}: POST ${inputs.url}/token ${result} in ${clock.now() - exchangeStarted} ms`
        );
        return exchanged;
      },
      { ...policy, maxAttempts: inputs.retries },
      clock,
      // Retries are routine: a log line, not an annotation (the step's failure, if any, is one).
      (reason, delayMs, next) => core.info(`${reason}; retrying in ${(delayMs / 1e3).toFixed(1)}s (attempt ${next} of ${inputs.retries})`)
    );
    if ("refused" in outcome) {
      throw new ActionError(renderRefusal(outcome.status, outcome.refused, lastSubjectToken, narrowFrom !== void 0));
    }
    const granted = outcome.granted;
    core.setSecret(granted.access_token);
    const federated = granted.issued_token_type === JWT_TOKEN_TYPE;
    const githubApiUrl = granted.github_api_url;
    if (!federated) minted = { token: granted.access_token, url: inputs.url, githubApiUrl };
    if (dpopKey && granted.token_type !== "DPoP") {
      throw new ActionError(
        `Asked for a DPoP-bound token, but the service issued a ${granted.token_type} token: refusing to use it.`
      );
    }
    const claims = decodeCompactJwt(granted.access_token)?.payload;
    const exp = typeof claims?.exp === "number" ? claims.exp * 1e3 : clock.now() + granted.expires_in * 1e3;
    const expiresAt = new Date(exp).toISOString();
    core.saveState(STATE.token, granted.access_token);
    core.saveState(STATE.url, inputs.url);
    core.saveState(STATE.expiresAt, expiresAt);
    core.saveState(STATE.revoke, String(inputs.revoke));
    if (githubApiUrl !== void 0) {
      core.saveState(STATE.kind, "github");
      core.saveState(STATE.githubApiUrl, githubApiUrl);
    }
    if (federated) {
      core.saveState(STATE.kind, "oidc");
      if (!deps.secretFiles)
        throw new ActionError("This runner gives the action no temporary folder for the token file.");
      const files = writeFederationFiles(deps.secretFiles, granted.access_token, claims?.aud, inputs.gcpServiceAccount);
      core.saveState(STATE.tokenFile, files.tokenFile);
      core.setOutput("token-file", files.tokenFile);
      if (files.gcpCredentialsFile) {
        core.saveState(STATE.gcpCredentialsFile, files.gcpCredentialsFile);
        core.setOutput("gcp-credentials-file", files.gcpCredentialsFile);
      } else if (inputs.gcpServiceAccount) {
        core.warning(
          `Input "gcp-service-account" is for a Google workload identity provider's audience (//iam.googleapis.com/projects/\u2026/providers/\u2026): this environment's is not, so no credentials file was written.`,
          { title: "downscope" }
        );
      }
    }
    core.setOutput("token", granted.access_token);
    core.setOutput("token-type", granted.token_type);
    core.setOutput("expires-at", expiresAt);
    core.setOutput("expires-in", granted.expires_in);
    core.setOutput("scope", granted.scope ?? "");
    core.setOutput("environment", granted.environment);
    if (deps.cliPath) core.setOutput("cli", deps.cliPath);
    if (inputs.exportEnv) core.exportVariable(inputs.exportEnv, granted.access_token);
    if (dpopKey) {
      const key = JSON.stringify(dpopKey.privateJwk);
      core.setOutput("dpop-key", key);
      if (inputs.narrowFromKeyFile && boundTo !== void 0) core.setOutput("dpop-key-file", inputs.narrowFromKeyFile);
      else if (deps.secretFiles) {
        const path = deps.secretFiles.write("dpop-key.jwk", key);
        core.setOutput("dpop-key-file", path);
        core.saveState(STATE.dpopKeyFile, path);
      }
    }
    const tokenId = typeof claims?.jti === "string" ? claims.jti : void 0;
    const narrowed = typeof claims?.parent_jti === "string" ? `, narrowed from ${claims.parent_jti}` : "";
    core.info(
      shown(
        githubApiUrl !== void 0 ? `downscope issued a GitHub token for "${granted.environment}" (repositories: ${granted.repositories?.join(", ") ?? "?"}; permissions: ${granted.scope || "none"}; expires ${expiresAt}).` : federated ? `downscope issued an OIDC token for "${granted.environment}" (audience ${String(claims?.aud)}; subject ${String(claims?.sub)}; expires ${expiresAt}; id ${tokenId ?? "unknown"}), for a cloud to exchange: see the token-file output.` : `downscope issued a ${granted.token_type} token for "${granted.environment}" (scopes: ${granted.scope || "none"}; expires ${expiresAt}; id ${tokenId ?? "unknown"}${narrowed}).`
      )
    );
    minted = void 0;
    if (inputs.summary) {
      await core.summary.addRaw(
        jobSummary({
          environment: granted.environment,
          scope: granted.scope ?? "",
          tokenType: federated ? `OIDC token for ${String(claims?.aud)}` : granted.token_type,
          expiresAt,
          expiresIn: granted.expires_in,
          tokenId
        })
      ).write().catch((error) => core.warning(`Could not write the job summary: ${String(error)}`));
    }
  } catch (error) {
    const message = error instanceof ActionError ? error.message : `downscope failed unexpectedly: ${String(error)}`;
    const revoked = !minted ? void 0 : minted.githubApiUrl !== void 0 ? await revokeGithubToken(deps, minted.githubApiUrl, minted.token) : await revokeNow(deps, minted.url, minted.token);
    const after = revoked === void 0 ? "" : revoked ? "\nThe token it had issued was revoked." : "\nThe token it had issued could not be revoked: it expires on its own.";
    core.setFailed(`${message}${after}`);
  }
}
function boundKeyOf(token) {
  const cnf = decodeCompactJwt(token)?.payload.cnf;
  return typeof cnf?.jkt === "string" ? cnf.jkt : void 0;
}
async function readParentKey(deps, path, jkt, fromJwk) {
  if (!path) {
    throw new ActionError(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, shown as written
      'The token in narrow-from is DPoP-bound: only its key can narrow it. Pass the key\'s file as input "narrow-from-key-file", e.g. ${{ steps.<id>.outputs.dpop-key-file }} of the step that got the token.'
    );
  }
  let text2;
  try {
    if (!deps.secretFiles) throw new Error("no file access");
    text2 = deps.secretFiles.read(path);
  } catch (error) {
    throw new ActionError(`Input "narrow-from-key-file": cannot read ${shown(path)} (${shown(String(error))}).`);
  }
  deps.core.setSecret(text2.trim());
  let key;
  try {
    const jwk = JSON.parse(text2);
    if (typeof jwk?.d === "string") deps.core.setSecret(jwk.d);
    key = await fromJwk(jwk);
  } catch {
    throw new ActionError(
      `Input "narrow-from-key-file": ${shown(path)} does not hold a private JWK (the dpop-key-file output of the step that got the token).`
    );
  }
  if (key.jkt !== jkt) {
    throw new ActionError(
      `Input "narrow-from-key-file": ${shown(path)} holds another key than the one the narrow-from token is bound to.`
    );
  }
  return key;
}

// action/main.ts
await runExchangeStep({
  core: actionsCore("downscope: no token"),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles(),
  // getBuiltinModule: an ES import of node:url would be loaded for every step, used or not.
  cliPath: process.getBuiltinModule("node:url").fileURLToPath(new URL("./cli.js", import.meta.url))
});
