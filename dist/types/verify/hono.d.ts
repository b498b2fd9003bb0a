/**
 * Hono middleware for downstream services: verifies the downscope token of each request and
 * answers refusals per RFC 6750 and RFC 9449 (`WWW-Authenticate: Bearer …` / `DPoP …`). The
 * verified token is at `c.get("downscope")`.
 *
 * @example
 * app.use("/deploy/*", downscopeAuth({ issuer, audience, environment: "staging", scopes: ["deploy:write"] }));
 */
import type { MiddlewareHandler } from "hono";
import { type VerifiedAccessToken, type VerifierOptions } from "./access-token";
export interface DownscopeAuthOptions extends VerifierOptions {
    /** Your public origin (https://deploy.acme.dev), for DPoP `htu` behind proxies; default: the request's. */
    readonly publicOrigin?: string;
    /** `realm` in challenges; default "downscope". */
    readonly realm?: string;
}
export type DownscopeVariables = {
    downscope: VerifiedAccessToken;
};
/** Creates the middleware; a bad option throws here, at start-up, naming the option. */
export declare function downscopeAuth(options: DownscopeAuthOptions): MiddlewareHandler<{
    Variables: DownscopeVariables;
}>;
