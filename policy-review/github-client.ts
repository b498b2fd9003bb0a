/** What the review uses of @actions/github: Octokit with its REST methods and pagination. */
import type { getOctokit } from "@actions/github";

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface Repository {
  readonly owner: string;
  readonly repo: string;
}

/** The HTTP status of an Octokit RequestError, if that is what was thrown. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
