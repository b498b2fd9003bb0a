/**
 * Reading bodies up to a byte limit. Content-Length is never trusted to bound what is read: it
 * only lets a body that declares a small size be read in one piece, which workerd does several
 * times faster than a stream reader (~5 µs against ~50 µs for a token request), and the size
 * is checked again once read.
 */

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new BodyTooLarge(limit);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const DECLARED_LENGTH = /^[0-9]{1,15}$/;

/** The body's bytes are not UTF-8. */
export class BodyNotText extends Error {}

/**
 * A request's body as UTF-8 text, at most `limit` bytes; `BodyTooLarge` or `BodyNotText`
 * otherwise. A declared length over the limit is refused before anything is read; a body
 * without a usable declared length is read as a stream, counted, and decoded strictly.
 */
export async function readRequestText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared === null || !DECLARED_LENGTH.test(declared)) {
    return decodeStrictly(await readLimited(request.body, limit));
  }
  if (Number(declared) > limit) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLarge(limit);
  }
  // One read of the whole body, then a strict decode: text() would turn bytes that are not UTF-8
  // into U+FFFD, and workerd logs a warning for each such body, which a caller could flood. It
  // costs ~10 µs more than text() for a token request in workerd (24 µs against 14, median of 7).
  const bytes = new Uint8Array(await request.arrayBuffer());
  // The runtime frames bodies from the network by their length; this catches any that is not.
  if (bytes.byteLength > limit) throw new BodyTooLarge(limit);
  return decodeStrictly(bytes);
}

function decodeStrictly(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BodyNotText();
  }
}
