// Prints a new private signing JWK for DOWNSCOPE_SIGNING_KEYS: `node scripts/make-signing-key.mjs [ES256|EdDSA|RS256]`.
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";

const alg = process.argv[2] ?? "ES256";
if (!["ES256", "EdDSA", "RS256"].includes(alg)) {
  console.error(`make-signing-key: alg must be ES256, EdDSA or RS256, not "${alg}"`);
  process.exit(2);
}
const { privateKey, publicKey } = await generateKeyPair(alg, {
  extractable: true,
  ...(alg === "RS256" ? { modulusLength: 3072 } : {}),
});
const kid = await calculateJwkThumbprint(await exportJWK(publicKey), "sha256");
console.log(JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg }));
