/**
 * The policy as it stands at the pull request's base, read through the GitHub API (no deep
 * checkout needed). A file that is not there means "no policy": every grant of the head then
 * shows as a widening, so a base that cannot be found can only make the review stricter.
 */
import type { GitHubClient, Repository } from "./github-client";
import { httpStatus } from "./github-client";
import { ReviewError } from "./review-error";

export type BasePolicy = { readonly found: true; readonly text: string } | { readonly found: false };

export async function readBasePolicy(
  github: GitHubClient,
  repository: Repository,
  path: string,
  ref: string,
): Promise<BasePolicy> {
  try {
    const response = await github.rest.repos.getContent({
      ...repository,
      path,
      ref,
      mediaType: { format: "raw" },
    });
    if (typeof response.data !== "string") {
      throw new ReviewError(`the base ${path} at ${ref} is not a file`);
    }
    return { found: true, text: response.data };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404) return { found: false };
    if (status === 401 || status === 403) {
      throw new ReviewError(
        `cannot read ${path} at the base ${ref} (HTTP ${status}): the token needs \`contents: read\`; add it under the job's permissions`,
      );
    }
    if (error instanceof ReviewError) throw error;
    throw new ReviewError(
      `cannot read ${path} at the base ${ref}${status ? ` (HTTP ${status})` : ""}: ${error instanceof Error ? error.message : "unknown error"}`,
    );
  }
}
