/**
 * The downscope token service: a Hono app on Workers. Routes stay thin; each concern lives in
 * its own module. Every response that is not a success is a JSON error (docs/protocol.md).
 */
import { Hono } from "hono";
import { type ExchangeAudit, writeAudit } from "./audit";
import { ConfigLoader, type Env, type ServiceConfig } from "./config";
import {
  authorizationServerMetadata,
  JWKS_PATH,
  OPENID_CONFIGURATION_PATH,
  openidConfiguration,
  publicJwks,
} from "./discovery";
import { exchangeToken } from "./exchange";
import { GithubAppClient } from "./github/app-client";
import { OAuthError, unavailable } from "./http/errors";
import { consoleLogger, type Logger } from "./log";
import { JwksCache } from "./oidc/jwks-cache";
import { clientAddress, enforceRateLimit } from "./rate-limit";
import { introspectToken, revokeToken } from "./revocation";
import { type TokenLedger, tokenLedger } from "./state/ledger";

export interface AppDependencies {
  /** Outbound fetch: issuer keys, and GitHub's API for github environments. */
  readonly fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  readonly log?: Logger;
  readonly newJti?: () => string;
  /** The policy artifact bundled into the Worker (worker/index.ts); DOWNSCOPE_POLICY wins over it. */
  readonly policyArtifact?: unknown;
}

/** Where Durable Objects may be pinned (docs/operating.md, "Data residency"); "" is Cloudflare's choice. */
const STATE_JURISDICTIONS = new Set(["", "eu", "fedramp"]);

// RFC 8414 for the access-token service; the OpenID Connect document only for oidc environments.
const METADATA_PATHS = ["/.well-known/oauth-authorization-server"];

export function createApp(dependencies: AppDependencies = {}) {
  const log = dependencies.log ?? consoleLogger;
  const now = dependencies.now ?? Date.now;
  const newJti = dependencies.newJti ?? (() => crypto.randomUUID());
  const configs = new ConfigLoader(log, dependencies.policyArtifact);
  const outbound = dependencies.fetch ?? ((input, init) => fetch(input, init));
  const keys = new JwksCache({ fetch: outbound, now, log });
  const github = new GithubAppClient(outbound, log);

  const app = new Hono<{ Bindings: Env }>();

  const requireConfig = async (env: Env): Promise<ServiceConfig> => {
    const state = await configs.load(env ?? {});
    if (!state.ok) throw unavailable("misconfigured");
    return state.config;
  };
  const ledgers = new WeakMap<object, Map<string, TokenLedger>>();
  const requireLedger = (env: Env): TokenLedger => {
    const namespace = env?.DOWNSCOPE_STATE;
    const jurisdiction = env?.DOWNSCOPE_STATE_JURISDICTION ?? "";
    const problem = !namespace
      ? "DOWNSCOPE_STATE (the TokenState Durable Object) is not bound"
      : !STATE_JURISDICTIONS.has(jurisdiction)
        ? 'DOWNSCOPE_STATE_JURISDICTION must be "eu", "fedramp" or unset'
        : undefined;
    if (!namespace || problem) {
      log({ level: "error", event: "config_invalid", problem });
      throw unavailable("misconfigured");
    }
    let byJurisdiction = ledgers.get(namespace);
    if (!byJurisdiction) {
      byJurisdiction = new Map();
      ledgers.set(namespace, byJurisdiction);
    }
    let ledger = byJurisdiction.get(jurisdiction);
    if (!ledger) {
      let scoped = namespace;
      try {
        if (jurisdiction) scoped = namespace.jurisdiction(jurisdiction as DurableObjectJurisdiction);
      } catch (error) {
        // workerd (local runs) implements no jurisdictions: say so rather than ignore the setting.
        const message = error instanceof Error ? error.message : "unavailable";
        log({ level: "error", event: "config_invalid", problem: `DOWNSCOPE_STATE_JURISDICTION: ${message}` });
        throw unavailable("misconfigured");
      }
      ledger = tokenLedger(scoped);
      byJurisdiction.set(jurisdiction, ledger);
    }
    return ledger;
  };
  const limitClient = (c: { env: Env; req: { raw: Request } }) =>
    enforceRateLimit(c.env?.DOWNSCOPE_RATE_LIMIT_CLIENT, `client:${clientAddress(c.req.raw)}`, "client", log);

  app.post("/token", async (c) => {
    const audit: ExchangeAudit = {};
    try {
      await limitClient(c);
      const config = await requireConfig(c.env);
      const response = await exchangeToken(c.req.raw, {
        config,
        keys,
        github,
        ledger: requireLedger(c.env),
        repositoryLimit: c.env?.DOWNSCOPE_RATE_LIMIT_REPOSITORY,
        log,
        now: Math.floor(now() / 1000),
        newJti,
        audit,
      });
      audit.decision = "allowed";
      audit.status = 200;
      audit.reason = "granted";
      return c.json(response, 200, { "cache-control": "no-store", pragma: "no-cache" });
    } catch (error) {
      audit.decision = "denied";
      if (error instanceof OAuthError) {
        audit.status = error.status;
        audit.reason = error.reason;
      } else {
        audit.status = 500;
        audit.reason = "internal";
      }
      throw error;
    } finally {
      writeAudit(log, audit);
    }
  });

  app.post("/revoke", async (c) => {
    await limitClient(c);
    const config = await requireConfig(c.env);
    const { revoked } = await revokeToken(c.req.raw, {
      config,
      ledger: requireLedger(c.env),
      now: Math.floor(now() / 1000),
    });
    log({
      level: "info",
      event: "token_revocation",
      revoked: revoked !== undefined,
      ...(revoked ? { jti: revoked } : {}),
    });
    // RFC 7009: 200 whether or not the token was known, so the answer reveals nothing.
    return c.body(null, 200, { "cache-control": "no-store" });
  });

  app.post("/introspect", async (c) => {
    await limitClient(c);
    const config = await requireConfig(c.env);
    const result = await introspectToken(c.req.raw, {
      config,
      ledger: requireLedger(c.env),
      now: Math.floor(now() / 1000),
    });
    return c.json(result, 200, { "cache-control": "no-store" });
  });

  app.get(JWKS_PATH, async (c) => {
    const config = await requireConfig(c.env);
    return c.json(publicJwks(config), 200, { "cache-control": "public, max-age=300" });
  });

  for (const path of METADATA_PATHS) {
    app.get(path, async (c) => {
      const config = await requireConfig(c.env);
      return c.json(authorizationServerMetadata(config), 200, { "cache-control": "public, max-age=300" });
    });
  }

  app.get(OPENID_CONFIGURATION_PATH, async (c) => {
    const document = openidConfiguration(await requireConfig(c.env));
    if (!document) throw new OAuthError(404, "invalid_request", "not_found");
    return c.json(document, 200, { "cache-control": "public, max-age=300" });
  });

  app.get("/healthz", async (c) => {
    const state = await configs.load(c.env ?? {});
    if (!state.ok)
      return c.json({ status: "unavailable", reason: "misconfigured" }, 503, { "cache-control": "no-store" });
    return c.json(
      {
        status: "ok",
        policy_source: state.config.policySource,
        policy_digest: state.config.policyDigest,
        active_kid: state.config.keys.active.kid,
      },
      200,
      { "cache-control": "no-store" },
    );
  });

  // Known paths with another method: 405 with Allow, not 404.
  const allowed: Record<string, string> = {
    "/token": "POST",
    "/revoke": "POST",
    "/introspect": "POST",
    [JWKS_PATH]: "GET, HEAD",
    [OPENID_CONFIGURATION_PATH]: "GET, HEAD",
    "/healthz": "GET, HEAD",
  };
  for (const path of METADATA_PATHS) allowed[path] = "GET, HEAD";
  for (const [path, methods] of Object.entries(allowed)) {
    app.all(path, () => {
      throw new OAuthError(405, "invalid_request", "method_not_allowed", {}, { allow: methods });
    });
  }

  app.notFound(() => new OAuthError(404, "invalid_request", "not_found").toResponse());
  app.onError((error) => {
    if (error instanceof OAuthError) return error.toResponse();
    log({ level: "error", event: "unhandled_error", error: error instanceof Error ? error.name : "unknown" });
    return unavailable("internal").toResponse();
  });
  return app;
}
