/**
 * The in-process benchmark, inside workerd: the crypto floor (RS256 verify of a GitHub token +
 * ES256 sign of a minted token, with keys imported once, as the service does) next to the full
 * `POST /token` through the app's fetch handler, N iterations per request; and narrowing a
 * token next to its own floor; and a federation token (an oidc environment's, RS256) next to its
 * floor (RS256 verify + RS256 sign + one Durable Object claim); and a GitHub App token next to
 * its floor (verify + one claim + one call to a fake of GitHub's API, in-process). Timed from outside,
 * since workerd's clock does not move while code runs without I/O (measured, not assumed: the bench times loops from outside).
 */
import { importJWK, importPKCS8, type JWK, jwtVerify, SignJWT } from "jose";
import { githubClaims } from "../scripts/fake-github.mjs";
import { fakeGithubAppApi } from "../scripts/fake-github-app-api.mjs";
import { createApp } from "../worker/app";
import type { Env } from "../worker/config";
import { tokenLedger } from "../worker/state/ledger";

export { TokenState } from "../worker/state/token-state";

interface Setup {
  githubPrivateJwk: JWK & { kid: string };
  githubPublicJwk: JWK;
  signingJwk: JWK;
  /** The RS256 key an oidc environment signs with (federation). */
  rsaSigningJwk: JWK;
  issuer: string;
  policy: string;
}

let setup: Setup | undefined;
let tokens: string[] = [];
let used = 0;
let jwksFetches = 0;
/** Exchanges through the app (in any mode): the denominator of the key-fetching figure. */
let exchanges = 0;
let githubKey: CryptoKey | undefined;
let floorKeys: { verify: CryptoKey; sign: CryptoKey; rsaSign: CryptoKey } | undefined;

/** GitHub's REST API for the github environment, faked in-process (scripts/fake-github-app-api.mjs). */
let githubApi: ReturnType<typeof fakeGithubAppApi> | undefined;
let githubAppPem: string | undefined;
const GITHUB_API = "https://api.github.com";

const app = createApp({
  // GitHub's JWKS, served from memory and counted (the "key fetching" figure); GitHub's API, faked.
  fetch: async (input, init) => {
    const request = new Request(input, init);
    if (githubApi && request.url.startsWith(GITHUB_API)) return githubApi.handle(request);
    jwksFetches++;
    return Response.json({ keys: [setup?.githubPublicJwk] });
  },
  log: () => {},
});

/** A GitHub App's key pair, made once per setup: its PEM for the service, its public JWK for the fake. */
async function githubAppSetup(): Promise<void> {
  const pair = (await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const pkcs8 = new Uint8Array((await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer);
  githubAppPem = `-----BEGIN PRIVATE KEY-----\n${btoa(String.fromCharCode(...pkcs8)).replace(/(.{64})/g, "$1\n")}\n-----END PRIVATE KEY-----\n`;
  githubApi = fakeGithubAppApi({
    app: { issuer: "Iv23liBench", publicJwk: (await crypto.subtle.exportKey("jwk", pair.publicKey)) as JWK },
    installations: {
      acme: { id: 42, type: "Organization", repositories: ["web", "docs"], permissions: { contents: "write" } },
    },
  });
}

/**
 * A stand-in for the Durable Object namespace that keeps records in this isolate's memory: the
 * "app-memory" mode, which separates what the code costs from what the Durable Object round
 * trip costs. Never used by the service itself.
 */
const memoryFacts = new Map<string, number>();
const memoryState = {
  idFromName: (name: string) => name,
  get: () => ({
    claim: async (key: string, until: number) => {
      if (memoryFacts.has(key)) return false;
      memoryFacts.set(key, until);
      return true;
    },
    has: async (key: string) => memoryFacts.has(key),
  }),
} as unknown as Env["DOWNSCOPE_STATE"];

const signingKeysText = () => JSON.stringify([setup?.signingJwk, setup?.rsaSigningJwk]);
let cachedKeysText: string | undefined;

let cachedAppKeysText: string | undefined;

function env(bindings: Env, memory = false): Env {
  cachedKeysText ??= signingKeysText();
  cachedAppKeysText ??= JSON.stringify({ "deploy-bot": githubAppPem });
  return {
    DOWNSCOPE_STATE: memory ? memoryState : bindings.DOWNSCOPE_STATE,
    DOWNSCOPE_ISSUER: setup?.issuer,
    DOWNSCOPE_POLICY: setup?.policy,
    DOWNSCOPE_SIGNING_KEYS: cachedKeysText,
    DOWNSCOPE_GITHUB_APP_KEYS: cachedAppKeysText,
  };
}

/** What every floor does first: verify the job's GitHub token as the service must. */
async function verifyJobToken(token: string, key: CryptoKey, issuer: string) {
  const { payload } = await jwtVerify(token, key, {
    algorithms: ["RS256"],
    issuer: "https://token.actions.githubusercontent.com",
    audience: issuer,
    typ: "JWT",
    clockTolerance: 60,
    maxTokenAge: 600,
    requiredClaims: ["exp", "iat", "jti", "repository", "repository_id", "repository_owner_id"],
  });
  return payload;
}

/** The GitHub floor's app JWT, signed once, as the service reuses its own. */
let floorAppJwt: { token: string; exp: number } | undefined;

/**
 * What a GitHub token cannot cost less than: verify the job's token, claim it once, and one
 * call to GitHub's API (the fake, in-process) creating the installation token, its answer read.
 */
async function githubFloor(
  bindings: Env,
  token: string,
  keys: { verify: CryptoKey },
  issuer: string,
): Promise<boolean> {
  await verifyJobToken(token, keys.verify, issuer);
  if (!(await claimOnce(bindings, token))) return false;
  const now = Math.floor(Date.now() / 1000);
  if (!floorAppJwt || floorAppJwt.exp - 60 <= now) {
    const key = await importPKCS8(githubAppPem ?? "", "RS256");
    floorAppJwt = {
      token: await new SignJWT({ iss: "Iv23liBench" })
        .setProtectedHeader({ alg: "RS256", typ: "JWT" })
        .setIssuedAt(now - 60)
        .setExpirationTime(now + 540)
        .sign(key),
      exp: now + 540,
    };
  }
  const response = await githubApi?.handle(
    new Request(`${GITHUB_API}/app/installations/42/access_tokens`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${floorAppJwt.token}`,
        "user-agent": "bench",
        "content-type": "application/json",
      },
      body: JSON.stringify({ repositories: ["docs"], permissions: { contents: "read" } }),
    }),
  );
  // Reading GitHub's answer is part of any client's one call: the token is in it.
  const body = (await response?.json()) as { token?: unknown } | undefined;
  return response?.status === 201 && typeof body?.token === "string";
}

/** Verify the GitHub token, sign a token: ES256 as an access token, or RS256 as a federation token. */
async function floor(
  token: string,
  keys: { verify: CryptoKey; sign: CryptoKey; rsaSign: CryptoKey },
  issuer: string,
  alg: "ES256" | "RS256" = "ES256",
): Promise<string> {
  const payload = await verifyJobToken(token, keys.verify, issuer);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: issuer,
    sub: `repo:${payload.repository}:environment:staging`,
    aud: "https://deploy.acme.dev/staging",
    iat: now,
    nbf: now,
    exp: now + 600,
    jti: crypto.randomUUID(),
    client_id: payload.repository,
    scope: "deploy:write",
    environment: "staging",
    repository: payload.repository,
    repository_id: payload.repository_id,
    repository_owner_id: payload.repository_owner_id,
    ref: payload.ref,
    sha: payload.sha,
    job_workflow_ref: payload.job_workflow_ref,
    run_id: payload.run_id,
    run_attempt: payload.run_attempt,
    event_name: payload.event_name,
    act: { iss: payload.iss, sub: payload.sub },
  })
    .setProtectedHeader({ alg, kid: "bench", typ: alg === "ES256" ? "at+jwt" : "JWT" })
    .sign(alg === "ES256" ? keys.sign : keys.rsaSign);
}

/** The subject token's single-use claim, as the service makes it: one call to one TokenState object. */
function claimOnce(bindings: Env, token: string): Promise<boolean> {
  const ledger = tokenLedger(bindings.DOWNSCOPE_STATE as NonNullable<Env["DOWNSCOPE_STATE"]>);
  const jti = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).jti;
  return ledger.claimSubjectToken("https://token.actions.githubusercontent.com", jti, Date.now() + 600_000, jti);
}

/** A token request as one arrives from the network: with its Content-Length, as every client sends it. */
function exchangeRequest(issuer: string, token: string, type = "id_token", extra = ""): Request {
  const body = `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3A${type}&subject_token=${token}${extra}`;
  return new Request(`${issuer}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) },
    body,
  });
}

/**
 * Narrowing (docs/narrowing.md): one parent, minted through the app for an hour and narrowed again and
 * again (narrowing spends nothing), next to its floor: verify the parent (ES256), one read of the
 * revocation state in a Durable Object, sign the child.
 */
let parent: { token: string; jti: string; exp: number } | undefined;
let parentVerifyKey: CryptoKey | undefined;

async function parentToken(bindings: Env, issuer: string): Promise<string> {
  if (parent && parent.exp - Date.now() / 1000 > 300) return parent.token;
  const github = await new SignJWT(githubClaims({ aud: issuer }))
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: setup?.githubPrivateJwk.kid })
    .sign(githubKey as CryptoKey);
  const response = await app.fetch(
    exchangeRequest(issuer, github, "id_token", "&scope=deploy%3Awrite+logs%3Aread&expires_in=3600"),
    env(bindings),
  );
  const { access_token: token } = (await response.json()) as { access_token: string };
  const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
  parent = { token, jti: claims.jti, exp: claims.exp };
  return token;
}

async function narrowFloor(bindings: Env, token: string, keys: { sign: CryptoKey }, issuer: string): Promise<boolean> {
  const { payload } = await jwtVerify(token, parentVerifyKey as CryptoKey, {
    algorithms: ["ES256"],
    issuer,
    typ: "at+jwt",
    requiredClaims: ["jti", "exp", "iat"],
  });
  const ledger = tokenLedger(bindings.DOWNSCOPE_STATE as NonNullable<Env["DOWNSCOPE_STATE"]>);
  if (await ledger.isRevoked(payload.jti as string)) return false;
  const now = Math.floor(Date.now() / 1000);
  await new SignJWT({
    ...payload,
    iat: now,
    nbf: now,
    exp: Math.min(now + 600, payload.exp as number),
    jti: crypto.randomUUID(),
    scope: "logs:read",
    act: { iss: payload.iss, sub: payload.sub, act: payload.act },
    parent_jti: payload.jti,
    ancestor_jtis: [payload.jti],
  })
    .setProtectedHeader({ alg: "ES256", kid: "bench", typ: "at+jwt" })
    .sign(keys.sign);
  return true;
}

export default {
  async fetch(request: Request, bindings: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      setup = (await request.json()) as Setup;
      floorKeys = {
        verify: (await importJWK(setup.githubPublicJwk, "RS256")) as CryptoKey,
        sign: (await importJWK(setup.signingJwk, "ES256")) as CryptoKey,
        rsaSign: (await importJWK(setup.rsaSigningJwk, "RS256")) as CryptoKey,
      };
      const { d: _, ...publicJwk } = setup.signingJwk;
      parentVerifyKey = (await importJWK(publicJwk, "ES256")) as CryptoKey;
      await githubAppSetup();
      cachedAppKeysText = undefined;
      githubKey ??= (await importJWK(setup.githubPrivateJwk, "RS256")) as CryptoKey;
      return new Response("ok");
    }
    if (!setup || !floorKeys) return new Response("POST /setup first", { status: 409 });
    if (url.pathname === "/tokens") {
      // Fresh GitHub tokens, signed here (workerd signs fast); each can be exchanged once.
      const count = Number(url.searchParams.get("n") ?? "0");
      const made: string[] = [];
      const aud = url.searchParams.get("aud") ?? setup.issuer;
      // The key is imported once: signGithubToken would import it for every token.
      githubKey ??= (await importJWK(setup.githubPrivateJwk, "RS256")) as CryptoKey;
      for (let i = 0; i < count; i++) {
        made.push(
          await new SignJWT(githubClaims({ aud }))
            .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: setup.githubPrivateJwk.kid })
            .sign(githubKey),
        );
      }
      if (url.searchParams.get("keep") === "1") tokens.push(...made);
      return url.searchParams.get("keep") === "1"
        ? Response.json({ stored: tokens.length - used })
        : Response.json(made);
    }
    if (url.pathname === "/loop" && (url.searchParams.get("mode") ?? "").startsWith("narrow")) {
      // Narrowing modes need no GitHub tokens: one parent, narrowed n times.
      const n = Number(url.searchParams.get("n") ?? "0");
      const token = await parentToken(bindings, setup.issuer);
      let failures = 0;
      for (let i = 0; i < n; i++) {
        if (url.searchParams.get("mode") === "narrow-floor") {
          if (!(await narrowFloor(bindings, token, floorKeys, setup.issuer))) failures++;
        } else if (url.searchParams.get("mode") === "narrow-floor-framed") {
          // The same floor as a handler must run it: the token read from a request's form first,
          // a JSON answer written last. In workerd the body stream and the Durable Object round
          // trip do not simply add up (~150 µs together against ~50 µs for framing alone).
          const request = exchangeRequest(setup.issuer, token, "access_token", "&scope=logs%3Aread");
          const form = new URLSearchParams(await request.text());
          const subject = form.get("subject_token") ?? "";
          if (!(await narrowFloor(bindings, subject, floorKeys, setup.issuer))) failures++;
          await Response.json({ access_token: subject, token_type: "Bearer" }).arrayBuffer();
        } else {
          const request = exchangeRequest(setup.issuer, token, "access_token", "&scope=logs%3Aread");
          const response = await app.fetch(request, env(bindings));
          if (response.status !== 200) failures++;
          await response.arrayBuffer();
        }
      }
      return Response.json({ n, failures });
    }
    if (url.pathname === "/loop") {
      const n = Number(url.searchParams.get("n") ?? "0");
      const mode = url.searchParams.get("mode");
      if (used + n > tokens.length) return new Response("out of tokens", { status: 409 });
      const batch = tokens.slice(used, used + n);
      // Spent tokens are dropped, so the isolate's memory measures the service, not the bench.
      tokens = tokens.slice(used + n);
      used = 0;
      let failures = 0;
      for (const token of batch) {
        if (mode === "floor") await floor(token, floorKeys, setup.issuer);
        else if (mode === "framing") {
          // What any handler pays around the crypto: a request to read, a JSON response to write.
          const form = new URLSearchParams(await exchangeRequest(setup.issuer, token).text());
          const response = Response.json({ access_token: form.get("subject_token"), token_type: "Bearer" });
          await response.arrayBuffer();
        } else if (mode === "floor-do" || mode === "oidc-floor") {
          // The floor plus the one thing single use cannot avoid: a claim in a Durable Object;
          // for federation, an RS256 signature instead of an ES256 one.
          const minted = await floor(token, floorKeys, setup.issuer, mode === "oidc-floor" ? "RS256" : "ES256");
          if (!(await claimOnce(bindings, token)) || !minted) failures++;
        } else if (mode === "github-floor") {
          if (!(await githubFloor(bindings, token, floorKeys, setup.issuer))) failures++;
        } else if (mode === "github") {
          exchanges++;
          const request = exchangeRequest(
            setup.issuer,
            token,
            "id_token",
            "&environment=web-docs&scope=contents%3Aread&resource=https%3A%2F%2Fgithub.com%2Facme%2Fdocs",
          );
          const response = await app.fetch(request, env(bindings));
          if (response.status !== 200) failures++;
          await response.arrayBuffer();
        } else if (mode === "oidc") {
          exchanges++;
          const request = exchangeRequest(setup.issuer, token, "id_token", "&environment=aws-production");
          const response = await app.fetch(request, env(bindings));
          if (response.status !== 200) failures++;
          await response.arrayBuffer();
        } else {
          exchanges++;
          const response = await app.fetch(exchangeRequest(setup.issuer, token), env(bindings, mode === "app-memory"));
          if (response.status !== 200) failures++;
          await response.arrayBuffer();
        }
      }
      return Response.json({ n, failures });
    }
    if (url.pathname === "/stats") return Response.json({ jwksFetches, exchanges, tokensLeft: tokens.length - used });
    if (url.pathname === "/token" || url.pathname === "/token-memory") {
      // The service's own handler, served by this same worker: with its Durable Object, or with
      // single-use records in isolate memory, to separate the round trip from the code.
      exchanges++;
      const proxied = new Request(`${setup.issuer}/token`, request);
      return app.fetch(proxied, env(bindings, url.pathname === "/token-memory"));
    }
    if (url.pathname === "/floor" || url.pathname === "/floor-claim") {
      // The HTTP floor: one verify and one sign per request, nothing else; with /floor-claim,
      // plus the one Durable Object claim that single use cannot do without.
      const form = new URLSearchParams(await request.text());
      const token = form.get("subject_token") ?? "";
      const minted = await floor(token, floorKeys, setup.issuer);
      if (url.pathname === "/floor-claim" && !(await claimOnce(bindings, token))) {
        return Response.json({ error: "invalid_request" }, { status: 400 });
      }
      return Response.json({ access_token: minted, token_type: "Bearer" });
    }
    return new Response("not found", { status: 404 });
  },
};
