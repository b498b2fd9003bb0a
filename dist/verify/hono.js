import {
  AccessTokenError,
  DPOP_ALGORITHMS,
  createAccessTokenVerifier
} from "./chunks/chunk-ZCXAT3KR.js";

// verify/hono.ts
var STATUS = {
  ERR_INSUFFICIENT_SCOPE: { status: 403, error: "insufficient_scope" },
  ERR_DPOP_INVALID: { status: 401, error: "invalid_dpop_proof" },
  ERR_KEYS_UNAVAILABLE: { status: 503, error: "temporarily_unavailable" },
  ERR_INTROSPECTION_UNAVAILABLE: { status: 503, error: "temporarily_unavailable" }
};
function downscopeAuth(options) {
  checkOptions(options);
  const verifier = createAccessTokenVerifier(options);
  const realm = (options.realm ?? "downscope").replace(/["\\]/g, "");
  const challenges = (error, description, scope) => {
    const params = [
      `realm="${realm}"`,
      ...error ? [`error="${error}"`] : [],
      ...description ? [`error_description="${description.replace(/["\\]/g, "'")}"`] : [],
      ...scope ? [`scope="${scope}"`] : []
    ];
    const bearer = error === "invalid_dpop_proof" ? [`realm="${realm}"`] : params;
    return [`Bearer ${bearer.join(", ")}`, `DPoP algs="${DPOP_ALGORITHMS.join(" ")}", ${params.join(", ")}`].join(", ");
  };
  return async (c, next) => {
    const authorization = c.req.header("authorization") ?? "";
    const match = /^(Bearer|DPoP) ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization);
    if (!match) {
      const malformed = authorization !== "";
      return c.json(
        malformed ? { error: "invalid_request", error_description: "malformed Authorization header" } : { error: "invalid_token", error_description: "an access token is required" },
        malformed ? 400 : 401,
        { "www-authenticate": malformed ? challenges("invalid_request") : challenges(), "cache-control": "no-store" }
      );
    }
    const url = new URL(c.req.url);
    const publicUrl = options.publicOrigin ? `${options.publicOrigin.replace(/\/+$/, "")}${url.pathname}` : url.href;
    try {
      const verified = await verifier.verify(match[2], {
        scheme: match[1],
        method: c.req.method,
        url: publicUrl,
        dpop: c.req.header("dpop") ?? null
      });
      c.set("downscope", verified);
    } catch (error) {
      if (!(error instanceof AccessTokenError)) throw error;
      const mapped = STATUS[error.code] ?? { status: 401, error: "invalid_token" };
      const scope = error.code === "ERR_INSUFFICIENT_SCOPE" ? options.scopes?.join(" ") : void 0;
      return c.json({ error: mapped.error, error_description: error.message, code: error.code }, mapped.status, {
        "www-authenticate": challenges(mapped.error, error.message, scope),
        "cache-control": "no-store"
      });
    }
    await next();
  };
}
function checkOptions(options) {
  const fail = (name, why) => {
    throw new TypeError(`downscopeAuth: option "${name}" ${why}`);
  };
  let issuer;
  try {
    issuer = new URL(options.issuer);
  } catch {
    fail("issuer", "must be the downscope service's URL");
  }
  if (issuer && issuer.protocol !== "https:" && !(issuer.protocol === "http:" && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(issuer.hostname))) {
    fail("issuer", "must use https (http only on loopback)");
  }
  if (typeof options.audience !== "string" || options.audience === "")
    fail("audience", "must be your service's audience");
  if (options.environment !== void 0 && (typeof options.environment !== "string" || options.environment === ""))
    fail("environment", "must be a name");
  if (options.scopes !== void 0 && (!Array.isArray(options.scopes) || !options.scopes.every((s) => typeof s === "string" && s !== "" && !s.includes(" ")))) {
    fail("scopes", "must be a list of scopes");
  }
  if (options.publicOrigin !== void 0) {
    try {
      new URL(options.publicOrigin);
    } catch {
      fail("publicOrigin", "must be a URL such as https://deploy.acme.dev");
    }
  }
}
export {
  downscopeAuth
};
