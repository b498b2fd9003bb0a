import {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
} from "./chunks/chunk-2XM3UKHD.js";
export {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
};
