/** The bundled policy artifact (see worker/index.ts): any JSON, checked by `openPolicyArtifact` at load. */
declare module "downscope-policy-artifact" {
  const artifact: unknown;
  export default artifact;
}
