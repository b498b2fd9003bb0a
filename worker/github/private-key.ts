/**
 * A GitHub App's private key, from the PEM GitHub hands out (PKCS#1, `BEGIN RSA PRIVATE KEY`) or
 * PKCS#8 (`BEGIN PRIVATE KEY`), imported for RS256 signing. WebCrypto imports PKCS#8 only, so a
 * PKCS#1 key is wrapped in a PKCS#8 envelope first (RFC 5208: version 0, the rsaEncryption
 * algorithm identifier, the PKCS#1 key as an octet string): a few bytes of DER, done once per
 * isolate, where a general ASN.1 library would add tens of kilobytes to the Worker.
 */
export class AppKeyError extends Error {}

const PEM = /^-----BEGIN (RSA PRIVATE KEY|PRIVATE KEY)-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END \1-----\s*$/;
/** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
const RSA_ENCRYPTION = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
export const CONVERT_COMMAND = "openssl pkcs8 -topk8 -nocrypt -in app.private-key.pem -out app.pkcs8.pem";

export async function importAppKey(pem: string): Promise<CryptoKey> {
  const match = PEM.exec(pem.trim());
  if (!match) {
    throw new AppKeyError(
      `not a PEM private key (BEGIN RSA PRIVATE KEY, as GitHub hands it out, or BEGIN PRIVATE KEY); to convert another form: ${CONVERT_COMMAND}`,
    );
  }
  let der: Uint8Array;
  try {
    der = Uint8Array.from(atob(match[2].replace(/\s+/g, "")), (ch) => ch.charCodeAt(0));
  } catch {
    throw new AppKeyError("its PEM body is not base64");
  }
  const pkcs8 = match[1] === "RSA PRIVATE KEY" ? wrapPkcs1(der) : der;
  try {
    return await crypto.subtle.importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, [
      "sign",
    ]);
  } catch {
    throw new AppKeyError(`it does not import as an RSA private key; if it is one, convert it: ${CONVERT_COMMAND}`);
  }
}

/** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo. */
export function wrapPkcs1(pkcs1: Uint8Array): Uint8Array {
  const body = [0x02, 0x01, 0x00, ...RSA_ENCRYPTION, 0x04, ...derLength(pkcs1.length)];
  const inner = new Uint8Array(body.length + pkcs1.length);
  inner.set(body);
  inner.set(pkcs1, body.length);
  const head = [0x30, ...derLength(inner.length)];
  const out = new Uint8Array(head.length + inner.length);
  out.set(head);
  out.set(inner, head.length);
  return out;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}
