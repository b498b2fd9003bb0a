/**
 * The Worker's entry point: one app per isolate, so configuration and key caches are shared.
 * The policy artifact is bundled in at deploy time: `downscope policy build` writes it, and
 * wrangler.jsonc's `alias` maps this import to that file (docs/operating.md).
 */
import policyArtifact from "downscope-policy-artifact";
import { createApp } from "./app";

export { TokenState } from "./state/token-state";
export default createApp({ policyArtifact });
