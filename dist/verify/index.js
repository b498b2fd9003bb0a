import {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
} from "./chunks/chunk-7UZ2LT7F.js";
export {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
};
