/** Shared fixtures for worker tests: a service configuration, GitHub tokens, and a request helper. */
import { env } from "cloudflare:test";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { parse } from "yaml";
import { githubClaims, signGithubToken } from "../../scripts/fake-github.mjs";
import { createApp } from "../../worker/app";
import type { Env } from "../../worker/config";
import type { LogRecord } from "../../worker/log";

export const ISSUER = "https://downscope.example.com";
export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

export const POLICY = `
version: 1
environments:
  staging:
    audience: https://deploy.acme.dev/staging
    scopes: [deploy:write, logs:read, admin]
    default_scopes: [deploy:write]
    ttl: 10m
    max_ttl: 30m
    rules:
      - name: web deploys from main
        repository: acme/web
        repository_id: 123456
        owner_id: 7890
        ref: [refs/heads/main, refs/heads/release/*]
        ref_type: branch
        environment: staging
        workflow: acme/web/.github/workflows/deploy.yml@**
        event: [push, workflow_dispatch]
        runner: github-hosted
        claims: { actor: octocat }
        scopes: [deploy:write, logs:read]
        max_ttl: 15m
      - name: globex api
        repository: globex/api
        repository_id: 999
        ref: refs/heads/main
  production:
    scopes: [deploy:write]
    ttl: 5m
    rules:
      - repository: acme/web
        repository_id: 123456
        environment: production
        ref: refs/heads/main
`;

export const githubKey = JSON.parse(
  (env as unknown as { TEST_GITHUB_PRIVATE_JWK: string }).TEST_GITHUB_PRIVATE_JWK,
) as JWK & {
  kid: string;
};

export async function newSigningJwk(alg: "ES256" | "EdDSA" | "RS256" = "ES256", kid?: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), alg, ...(kid ? { kid } : {}) };
}

export const signingJwk = await newSigningJwk("ES256", "test-key-1");

/** The bindings the tests' workerd provides (see vitest.config.ts). */
export const testBindings = env as unknown as Env & {
  TEST_GITHUB_PRIVATE_JWK: string;
  TEST_RATE_LIMIT_3: RateLimit;
};

/** A policy written as YAML here, as the JSON text DOWNSCOPE_POLICY holds (the Worker reads no YAML). */
export function policyJson(yaml: string): string {
  return JSON.stringify(parse(yaml));
}

export function serviceEnv(overrides: Partial<Env> = {}): Env {
  return {
    DOWNSCOPE_STATE: testBindings.DOWNSCOPE_STATE,
    DOWNSCOPE_ISSUER: ISSUER,
    DOWNSCOPE_POLICY: policyJson(POLICY),
    DOWNSCOPE_SIGNING_KEYS: JSON.stringify([signingJwk]),
    ...overrides,
  };
}

/** A GitHub token for acme/web on main to staging (see `githubClaims`), signed by the fake GitHub. */
export function githubToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, now?: number) {
  return signGithubToken(githubKey, githubClaims({ aud: ISSUER, ...claims }, now), header);
}

export function testApp(options: { now?: () => number; fetch?: typeof fetch } = {}) {
  const logs: LogRecord[] = [];
  const app = createApp({ ...options, log: (record) => logs.push(record) });
  const audits = () => logs.filter((record) => record.event === "token_exchange");
  return { app, logs, audits };
}

export function tokenForm(params: Record<string, string | undefined>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) form.append(name, value);
  return form.toString();
}

/** POST /token with the usual parameters; `params` adds to or (with undefined) removes them. */
export async function exchange(
  app: ReturnType<typeof createApp>,
  subjectToken: string,
  params: Record<string, string | undefined> = {},
  options: { env?: Env; headers?: Record<string, string> } = {},
): Promise<Response> {
  const body = tokenForm({
    grant_type: TOKEN_EXCHANGE,
    subject_token: subjectToken,
    subject_token_type: ID_TOKEN_TYPE,
    ...params,
  });
  return app.request(
    "/token",
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
      body,
    },
    options.env ?? serviceEnv(),
  );
}

export async function errorOf(
  response: Response,
): Promise<Record<string, unknown> & { error: string; error_description: string }> {
  return (await response.json()) as Record<string, unknown> & { error: string; error_description: string };
}

/** POST a form to any path of the app (revoke, introspect, token). */
export async function postForm(
  app: ReturnType<typeof createApp>,
  path: string,
  params: Record<string, string>,
  env = serviceEnv(),
  headers: Record<string, string> = {},
): Promise<Response> {
  return app.request(
    path,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: tokenForm(params),
    },
    env,
  );
}
