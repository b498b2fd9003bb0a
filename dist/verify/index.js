import {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
} from "./chunks/chunk-OYHQJQZM.js";
export {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
};
