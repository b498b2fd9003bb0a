/**
 * The action's main step (SPEC §6): a fresh GitHub OIDC token per attempt, exchanged with the
 * service; on success the token is masked before anything else, then output, optionally
 * exported, summarised and remembered for the post step; on refusal, the reason laid out.
 */
import { decodeCompactJwt } from "../protocol/compact-jwt";
import type { DpopKey } from "../protocol/dpop-key";
import { shown } from "../protocol/printable";
import { ActionError, type StepDependencies } from "./core";
import { idTokenEndpoint, requestIdToken } from "./id-token";
import { readInputs } from "./inputs";
import { renderRefusal } from "./report";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetries } from "./retry";
import { revokeNow } from "./revoke-step";
import { STATE } from "./state";
import { jobSummary } from "./summary";
import { type ExchangeOutcome, exchangeSubjectToken } from "./token-client";

export async function runExchangeStep(
  deps: StepDependencies,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<void> {
  const { core, clock } = deps;
  let minted: { token: string; url: string } | undefined;
  try {
    // Permissions first: without them nothing else can work, and the fix is one line.
    const endpoint = idTokenEndpoint(deps.env);
    const inputs = readInputs(core);
    core.debug(`downscope: url ${inputs.url}, audience ${inputs.audience}, up to ${inputs.retries} attempts`);
    // The job's own key for a sender-constrained token: masked before anything could print it.
    // Loaded only when asked for: jose is most of the bundle, and start-up time is the job's time.
    const dpop = inputs.dpop ? await import("../protocol/dpop-key") : undefined;
    const dpopKey: DpopKey | undefined = dpop ? await dpop.generateDpopKey() : undefined;
    if (dpopKey) {
      core.setSecret(JSON.stringify(dpopKey.privateJwk));
      core.setSecret(String(dpopKey.privateJwk.d));
    }

    let lastSubjectToken: string | undefined;
    const outcome = await withRetries<ExchangeOutcome>(
      async (attempt) => {
        const started = clock.now();
        const idToken = await requestIdToken(deps.fetch, endpoint, inputs.audience, clock.now());
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
        const exchanged = await exchangeSubjectToken(deps.fetch, inputs, idToken.ok, clock.now(), proof);
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

    if ("refused" in outcome) throw new ActionError(renderRefusal(outcome.status, outcome.refused, lastSubjectToken));

    const granted = outcome.granted;
    core.setSecret(granted.access_token);
    minted = { token: granted.access_token, url: inputs.url };
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

    const tokenId = typeof claims?.jti === "string" ? claims.jti : undefined;
    core.info(
      shown(
        `downscope issued a ${granted.token_type} token for "${granted.environment}" (scopes: ${granted.scope || "none"}; expires ${expiresAt}; id ${tokenId ?? "unknown"}).`,
      ),
    );
    minted = undefined;
    if (inputs.summary) {
      await core.summary
        .addRaw(
          jobSummary({
            environment: granted.environment,
            scope: granted.scope,
            tokenType: granted.token_type,
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
    const revoked = minted ? await revokeNow(deps, minted.url, minted.token) : undefined;
    const after =
      revoked === undefined
        ? ""
        : revoked
          ? "\nThe token it had issued was revoked."
          : "\nThe token it had issued could not be revoked: it expires on its own.";
    core.setFailed(`${message}${after}`);
  }
}
