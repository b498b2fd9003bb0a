import {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
} from "./chunks/chunk-KDSAHQVG.js";
export {
  AccessTokenError,
  accessTokenHash,
  createAccessTokenVerifier,
  normalizeHtu,
  verifyAccessToken
};
