/** What downstream services import: `downscope/verify`. See docs/verifying.md. */
export { accessTokenHash, type DpopProblem, normalizeHtu } from "../protocol/dpop-proof";
export { AccessTokenError, type AccessTokenVerifier, createAccessTokenVerifier, type RequestContext, type VerifiedAccessToken, type VerifierOptions, type VerifyErrorCode, verifyAccessToken, } from "./access-token";
