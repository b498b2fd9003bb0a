/**
 * One pull-request comment per policy file, created once and then updated: found again by a
 * hidden marker at its start, among comments written by the identity this token writes as, so
 * that a comment someone else wrote with the marker (a person, or another app's bot) is never
 * taken over.
 */
import { type GitHubClient, httpStatus, type Repository } from "./github-client";

/** GitHub refuses a comment body over 65,536 characters. */
export const MAX_COMMENT_LENGTH = 65_536;

export function reviewMarker(policyPath: string): string {
  // The path is percent-encoded, so it can never close the HTML comment.
  return `<!-- downscope-policy-review ${encodeURIComponent(policyPath)} -->`;
}

export type CommentResult =
  | { readonly ok: true; readonly action: "created" | "updated"; readonly url: string }
  | { readonly ok: false; readonly problem: string };

/**
 * The logins this token's comments carry: a personal token's user (`GET /user`); for an app's
 * installation token, which cannot read `/user`, its bot as GraphQL's `viewer` names it (REST
 * adds `[bot]`); failing both, the bot of the workflow's own `GITHUB_TOKEN`.
 */
async function commentAuthor(github: GitHubClient): Promise<ReadonlySet<string>> {
  const user = await github.rest.users.getAuthenticated().then(
    (response) => response.data.login,
    () => undefined,
  );
  if (user) return new Set([user]);
  const viewer = await github.graphql<{ viewer?: { login?: unknown } }>("query { viewer { login } }").then(
    (data) => (typeof data.viewer?.login === "string" ? data.viewer.login : undefined),
    () => undefined,
  );
  if (viewer) return new Set([viewer.endsWith("[bot]") ? viewer : `${viewer}[bot]`]);
  return new Set(["github-actions[bot]"]);
}

export async function upsertReviewComment(
  github: GitHubClient,
  repository: Repository,
  pullRequest: number,
  marker: string,
  body: string,
): Promise<CommentResult> {
  try {
    const comments = await github.paginate(github.rest.issues.listComments, {
      ...repository,
      issue_number: pullRequest,
      per_page: 100,
    });
    const marked = comments.filter((comment) => comment.body?.startsWith(marker));
    const author = marked.length > 0 ? await commentAuthor(github) : undefined;
    const ours = marked.find((comment) => comment.user?.login !== undefined && author?.has(comment.user.login));
    if (ours) {
      const updated = await github.rest.issues.updateComment({ ...repository, comment_id: ours.id, body });
      return { ok: true, action: "updated", url: updated.data.html_url };
    }
    const created = await github.rest.issues.createComment({ ...repository, issue_number: pullRequest, body });
    return { ok: true, action: "created", url: created.data.html_url };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 401 || status === 403 || status === 404) {
      return {
        ok: false,
        problem: [
          `cannot comment on pull request #${pullRequest} (HTTP ${status}): the token needs \`pull-requests: write\`. Add to the job:`,
          "  permissions:",
          "    contents: read",
          "    pull-requests: write",
          "or set `comment: false` to keep the review in the job summary only. A pull request from a fork gets a read-only token whatever the workflow asks for.",
        ].join("\n"),
      };
    }
    return {
      ok: false,
      problem: `cannot comment on pull request #${pullRequest}${status ? ` (HTTP ${status})` : ""}: ${error instanceof Error ? error.message : "unknown error"}`,
    };
  }
}
