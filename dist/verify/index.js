import {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
} from "./chunks/chunk-ZCXAT3KR.js";
export {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
};
