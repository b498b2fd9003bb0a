/**
 * The action's main step (docs/action.md): a fresh GitHub OIDC token per attempt, exchanged with the
 * service; on success the token is masked before anything else, then output, optionally
 * exported, summarised and remembered for the post step; on refusal, the reason laid out.
 */
import { decodeCompactJwt } from "../protocol/compact-jwt";
import type { DpopKey } from "../protocol/dpop-key";
import { shown } from "../protocol/printable";
import { ActionError, type StepDependencies } from "./core";
import { JWT_TOKEN_TYPE, writeFederationFiles } from "./federation-files";
import { idTokenEndpoint, requestIdToken } from "./id-token";
import { readInputs } from "./inputs";
import { renderRefusal } from "./report";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetries } from "./retry";
import { revokeGithubToken, revokeNow } from "./revoke-step";
import { STATE } from "./state";
import { jobSummary } from "./summary";
import { type ExchangeOutcome, exchangeSubjectToken } from "./token-client";

export async function runExchangeStep(
  deps: StepDependencies,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<void> {
  const { core, clock } = deps;
  let minted: { token: string; url: string; githubApiUrl?: string } | undefined;
  try {
    // Narrowing a token (docs/narrowing.md) needs no OIDC token, so no id-token permission: masked first.
    const narrowFrom = core.getInput("narrow-from").trim() || undefined;
    if (narrowFrom) core.setSecret(narrowFrom);
    // Permissions first: without them nothing else can work, and the fix is one line.
    const endpoint = narrowFrom ? undefined : idTokenEndpoint(deps.env);
    const inputs = readInputs(core);
    core.debug(
      narrowFrom
        ? `downscope: url ${inputs.url}, narrowing the token in narrow-from, up to ${inputs.retries} attempts`
        : `downscope: url ${inputs.url}, audience ${inputs.audience}, up to ${inputs.retries} attempts`,
    );
    const boundTo = narrowFrom ? boundKeyOf(narrowFrom) : undefined;
    if (narrowFrom && boundTo === undefined && inputs.narrowFromKeyFile) {
      throw new ActionError(
        'Input "narrow-from-key-file" is for a DPoP-bound narrow-from token, and this one is a bearer token: leave it out (or set dpop: true to bind the new token to a key of its own).',
      );
    }
    // The key: the one the parent is bound to (read from its file), else, with dpop: true, the
    // job's own new one; masked before anything could print it. jose is loaded only when a key
    // is needed: it is most of the bundle, and start-up time is the job's time.
    const dpop = inputs.dpop || boundTo !== undefined ? await import("../protocol/dpop-key") : undefined;
    let dpopKey: DpopKey | undefined;
    if (dpop && boundTo !== undefined) {
      dpopKey = await readParentKey(deps, inputs.narrowFromKeyFile, boundTo, dpop.dpopKeyFromJwk);
    } else if (dpop) {
      dpopKey = await dpop.generateDpopKey();
      core.setSecret(JSON.stringify(dpopKey.privateJwk));
      core.setSecret(String(dpopKey.privateJwk.d));
    }

    let lastSubjectToken: string | undefined;
    const outcome = await withRetries<ExchangeOutcome>(
      async (attempt) => {
        const started = clock.now();
        // The same parent for every attempt (narrowing spends nothing); a fresh GitHub token otherwise.
        const idToken =
          endpoint === undefined
            ? { ok: narrowFrom as string }
            : await requestIdToken(deps.fetch, endpoint, inputs.audience, clock.now());
        core.debug(
          `downscope: attempt ${attempt}: OIDC token ${"ok" in idToken ? "received" : "not received"} in ${clock.now() - started} ms`,
        );
        if (!("ok" in idToken)) return idToken;
        core.setSecret(idToken.ok);
        lastSubjectToken = idToken.ok;
        const proof = dpopKey
          ? await dpop?.createDpopProof(dpopKey, {
              method: "POST",
              url: `${inputs.url}/token`,
              now: Math.floor(clock.now() / 1000),
            })
          : undefined;
        const exchangeStarted = clock.now();
        const subject = { token: idToken.ok, kind: narrowFrom ? "access_token" : "github" } as const;
        const exchanged = await exchangeSubjectToken(deps.fetch, inputs, subject, clock.now(), proof);
        const result =
          "ok" in exchanged
            ? "granted" in exchanged.ok
              ? "granted"
              : `refused (HTTP ${exchanged.ok.status})`
            : "transient failure";
        core.debug(
          `downscope: attempt ${attempt}: POST ${inputs.url}/token ${result} in ${clock.now() - exchangeStarted} ms`,
        );
        return exchanged;
      },
      { ...policy, maxAttempts: inputs.retries },
      clock,
      // Retries are routine: a log line, not an annotation (the step's failure, if any, is one).
      (reason, delayMs, next) =>
        core.info(`${reason}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${next} of ${inputs.retries})`),
    );

    if ("refused" in outcome) {
      throw new ActionError(renderRefusal(outcome.status, outcome.refused, lastSubjectToken, narrowFrom !== undefined));
    }

    const granted = outcome.granted;
    core.setSecret(granted.access_token);
    // A token for a cloud cannot be revoked (no cloud asks downscope): only its files go. A
    // GitHub token is revoked at GitHub.
    const federated = granted.issued_token_type === JWT_TOKEN_TYPE;
    const githubApiUrl = granted.github_api_url;
    if (!federated) minted = { token: granted.access_token, url: inputs.url, githubApiUrl };
    if (dpopKey && granted.token_type !== "DPoP") {
      throw new ActionError(
        `Asked for a DPoP-bound token, but the service issued a ${granted.token_type} token: refusing to use it.`,
      );
    }
    const claims = decodeCompactJwt(granted.access_token)?.payload;
    const exp = typeof claims?.exp === "number" ? claims.exp * 1000 : clock.now() + granted.expires_in * 1000;
    const expiresAt = new Date(exp).toISOString();

    // The post step needs these to revoke: saved before anything else that could fail.
    core.saveState(STATE.token, granted.access_token);
    core.saveState(STATE.url, inputs.url);
    core.saveState(STATE.expiresAt, expiresAt);
    core.saveState(STATE.revoke, String(inputs.revoke));
    if (githubApiUrl !== undefined) {
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
          "Input \"gcp-service-account\" is for a Google workload identity provider's audience (//iam.googleapis.com/projects/…/providers/…): this environment's is not, so no credentials file was written.",
          { title: "downscope" },
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
      // The parent's key file stays the earlier step's: named again, never removed here.
      if (inputs.narrowFromKeyFile && boundTo !== undefined) core.setOutput("dpop-key-file", inputs.narrowFromKeyFile);
      else if (deps.secretFiles) {
        const path = deps.secretFiles.write("dpop-key.jwk", key);
        core.setOutput("dpop-key-file", path);
        core.saveState(STATE.dpopKeyFile, path);
      }
    }

    const tokenId = typeof claims?.jti === "string" ? claims.jti : undefined;
    const narrowed = typeof claims?.parent_jti === "string" ? `, narrowed from ${claims.parent_jti}` : "";
    core.info(
      shown(
        githubApiUrl !== undefined
          ? `downscope issued a GitHub token for "${granted.environment}" (repositories: ${granted.repositories?.join(", ") ?? "?"}; permissions: ${granted.scope || "none"}; expires ${expiresAt}).`
          : federated
            ? `downscope issued an OIDC token for "${granted.environment}" (audience ${String(claims?.aud)}; subject ${String(claims?.sub)}; expires ${expiresAt}; id ${tokenId ?? "unknown"}), for a cloud to exchange: see the token-file output.`
            : `downscope issued a ${granted.token_type} token for "${granted.environment}" (scopes: ${granted.scope || "none"}; expires ${expiresAt}; id ${tokenId ?? "unknown"}${narrowed}).`,
      ),
    );
    minted = undefined;
    if (inputs.summary) {
      await core.summary
        .addRaw(
          jobSummary({
            environment: granted.environment,
            scope: granted.scope ?? "",
            tokenType: federated ? `OIDC token for ${String(claims?.aud)}` : granted.token_type,
            expiresAt,
            expiresIn: granted.expires_in,
            tokenId,
          }),
        )
        .write()
        .catch((error: unknown) => core.warning(`Could not write the job summary: ${String(error)}`));
    }
  } catch (error) {
    const message = error instanceof ActionError ? error.message : `downscope failed unexpectedly: ${String(error)}`;
    // A token minted for a step that then fails must not outlive it unrevoked.
    const revoked = !minted
      ? undefined
      : minted.githubApiUrl !== undefined
        ? await revokeGithubToken(deps, minted.githubApiUrl, minted.token)
        : await revokeNow(deps, minted.url, minted.token);
    const after =
      revoked === undefined
        ? ""
        : revoked
          ? "\nThe token it had issued was revoked."
          : "\nThe token it had issued could not be revoked: it expires on its own.";
    core.setFailed(`${message}${after}`);
  }
}

/** The thumbprint a downscope token is bound to (`cnf.jkt`), read without verifying it. */
function boundKeyOf(token: string): string | undefined {
  const cnf = decodeCompactJwt(token)?.payload.cnf as { jkt?: unknown } | undefined;
  return typeof cnf?.jkt === "string" ? cnf.jkt : undefined;
}

/** The private key a DPoP-bound parent is bound to, from the file an earlier step wrote. */
async function readParentKey(
  deps: StepDependencies,
  path: string | undefined,
  jkt: string,
  fromJwk: typeof import("../protocol/dpop-key").dpopKeyFromJwk,
): Promise<DpopKey> {
  if (!path) {
    throw new ActionError(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, shown as written
      'The token in narrow-from is DPoP-bound: only its key can narrow it. Pass the key\'s file as input "narrow-from-key-file", e.g. ${{ steps.<id>.outputs.dpop-key-file }} of the step that got the token.',
    );
  }
  let text: string;
  try {
    if (!deps.secretFiles) throw new Error("no file access");
    text = deps.secretFiles.read(path);
  } catch (error) {
    throw new ActionError(`Input "narrow-from-key-file": cannot read ${shown(path)} (${shown(String(error))}).`);
  }
  deps.core.setSecret(text.trim());
  let key: DpopKey;
  try {
    const jwk = JSON.parse(text);
    if (typeof jwk?.d === "string") deps.core.setSecret(jwk.d);
    key = await fromJwk(jwk);
  } catch {
    throw new ActionError(
      `Input "narrow-from-key-file": ${shown(path)} does not hold a private JWK (the dpop-key-file output of the step that got the token).`,
    );
  }
  if (key.jkt !== jkt) {
    throw new ActionError(
      `Input "narrow-from-key-file": ${shown(path)} holds another key than the one the narrow-from token is bound to.`,
    );
  }
  return key;
}
