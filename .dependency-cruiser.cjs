// The layers (docs/contributing.md, "Layout"): each folder depends only on those below it.
//   protocol ← policy ← worker, cli ← policy-review;   protocol ← action, verify
// `npm test` runs this; a forbidden import fails with the rule's name and comment.
const layer = (name, allowed, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: `^${name.split("-")[0]}/` },
  to: { path: `^(protocol|policy|worker|action|cli|verify|policy-review)/`, pathNot: `^(${allowed.join("|")})/` },
});

module.exports = {
  forbidden: [
    layer(
      "protocol-imports-nothing-of-ours",
      ["protocol"],
      "protocol/ is the shared vocabulary: WebCrypto and jose only, nothing of ours",
    ),
    layer(
      "policy-imports-only-protocol",
      ["policy", "protocol"],
      "policy/ is the pure engine: it may use protocol/ only",
    ),
    layer(
      "worker-imports-only-policy-and-protocol",
      ["worker", "policy", "protocol"],
      "worker/ is the service: policy/ and protocol/ only",
    ),
    layer(
      "cli-imports-only-policy-and-protocol",
      ["cli", "policy", "protocol"],
      "cli/ is the admins' command: policy/ and protocol/ only",
    ),
    {
      name: "policy-review-imports-only-cli-policy-and-protocol",
      comment: "policy-review/ runs the admins' commands in a pull request: cli/, policy/ and protocol/ only",
      severity: "error",
      from: { path: "^policy-review/" },
      to: {
        path: "^(protocol|policy|worker|action|cli|verify|policy-review)/",
        pathNot: "^(policy-review|cli|policy|protocol)/",
      },
    },
    layer("action-imports-only-protocol", ["action", "protocol"], "action/ is what workflows run: protocol/ only"),
    layer(
      "verify-imports-only-protocol",
      ["verify", "protocol"],
      "verify/ is what downstream services import: protocol/ only",
    ),
    {
      name: "no-circular",
      severity: "error",
      comment:
        "a cycle of runtime imports means two modules are one; merge or split them (type-only cycles are harmless)",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.d\\.ts$" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".mjs", ".js", ".json"] },
  },
};
