/**
 * The post step: revoke the token when the job ends, if asked and if it is still alive. It
 * never fails the job: a service without revocation, or any failure, is a warning.
 */

import { shown } from "../protocol/printable";
import { parseServiceUrl } from "../protocol/service-url";
import type { StepDependencies } from "./core";
import { describeError } from "./id-token";
import { STATE } from "./state";

const TIMEOUT_MS = 10_000;

export async function runRevokeStep(deps: StepDependencies): Promise<void> {
  const { core } = deps;
  for (const [state, what] of [
    [STATE.dpopKeyFile, "DPoP key file"],
    [STATE.tokenFile, "token file"],
    [STATE.gcpCredentialsFile, "Google credentials file"],
  ] as const) {
    const file = core.getState(state);
    if (!file || !deps.secretFiles) continue;
    try {
      deps.secretFiles.remove(file);
    } catch (error) {
      core.warning(`Could not remove the ${what} ${file}: ${describeError(error)}`);
    }
  }
  const token = core.getState(STATE.token);
  if (!token) {
    core.debug("No token was issued: nothing to revoke.");
    return;
  }
  if (core.getState(STATE.kind) === "oidc") {
    // Saying "revoked" would be a lie: the cloud already exchanged it, and never asks downscope.
    core.info(
      `The token was for a cloud (an oidc environment): no cloud asks downscope whether a token was revoked, so it is not revoked; its file is removed, and it expires at ${core.getState(STATE.expiresAt)}.`,
    );
    return;
  }
  if (core.getState(STATE.revoke) === "false") {
    core.info("revoke: false: the token stays valid until it expires.");
    return;
  }
  const expiresAt = Date.parse(core.getState(STATE.expiresAt));
  if (!Number.isNaN(expiresAt) && expiresAt <= deps.clock.now()) {
    core.info("The token has already expired: nothing to revoke.");
    return;
  }
  if (core.getState(STATE.kind) === "github") {
    const revoked = await revokeGithubToken(deps, core.getState(STATE.githubApiUrl), token);
    if (revoked) core.info("Revoked the GitHub token at GitHub.");
    return;
  }
  const revoked = await revokeNow(deps, core.getState(STATE.url), token);
  if (revoked) core.info("Revoked the downscope token.");
}

/**
 * `DELETE {github_api_url}/installation/token` with the token itself, once (a retry could only
 * meet a token already gone), no redirect followed; 204 revoked, 401 already gone. Warns, never
 * fails: the token expires within the hour anyway.
 */
export async function revokeGithubToken(deps: StepDependencies, apiUrl: string, token: string): Promise<boolean> {
  const { core } = deps;
  const url = parseServiceUrl(apiUrl);
  if (!url.ok) {
    core.warning(
      `The service named no usable GitHub API URL (${shown(apiUrl)}): the GitHub token was not revoked; it expires within the hour.`,
      {
        title: "downscope",
      },
    );
    return false;
  }
  try {
    const response = await deps.fetch(`${url.url}/installation/token`, {
      method: "DELETE",
      headers: {
        authorization: `token ${token}`,
        accept: "application/vnd.github+json",
        "x-github-api-version": "2022-11-28",
      },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 204) return true;
    if (response.status === 401) {
      core.info("The GitHub token was already revoked or expired.");
      return false;
    }
    core.warning(`Could not revoke the GitHub token (HTTP ${response.status}): it expires within the hour.`, {
      title: "downscope",
    });
  } catch (error) {
    core.warning(`Could not revoke the GitHub token (${describeError(error)}): it expires within the hour.`, {
      title: "downscope",
    });
  }
  return false;
}

/**
 * POST /revoke, with one retry after a transient failure; warnings say why it did not work.
 * True when revoked, false when not (the token then expires on its own).
 */
export async function revokeNow(deps: StepDependencies, url: string, token: string): Promise<boolean> {
  const { core } = deps;
  let problem = "";
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const response = await deps.fetch(`${url}/revoke`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, token_type_hint: "access_token" }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.ok) return true;
      if (response.status === 404) {
        core.warning("This downscope service does not support revocation: the token stays valid until it expires.", {
          title: "downscope",
        });
        return false;
      }
      problem = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) break;
    } catch (error) {
      problem =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
          ? `timed out after ${TIMEOUT_MS / 1000} s`
          : describeError(error);
    }
    if (attempt === 1) core.info(`Revoking the token failed (${problem}); trying once more.`);
  }
  core.warning(`Could not revoke the token (${problem}): it stays valid until it expires.`, { title: "downscope" });
  return false;
}
