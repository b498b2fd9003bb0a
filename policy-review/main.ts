// Entry point of the policy-review action: only wiring. The work is in review.ts.
import * as core from "@actions/core";
import { context, getOctokit } from "@actions/github";
import { processIo } from "../cli/io";
import { runPolicyReview } from "./review";

await runPolicyReview({
  core,
  github: (token) => getOctokit(token, { userAgent: "downscope-policy-review" }),
  context,
  io: processIo(),
  workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
});
