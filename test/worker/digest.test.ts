import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../protocol/digest";

describe("sha256Hex", () => {
  it("gives the standard digests, as 64 lower-case hex digits", async () => {
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashes the UTF-8 bytes of the text", async () => {
    // "é" is two bytes in UTF-8 (c3 a9): the digest of those, not of one UTF-16 unit.
    const bytes = await crypto.subtle.digest("SHA-256", new Uint8Array([0xc3, 0xa9]));
    const expected = Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
    expect(await sha256Hex("é")).toBe(expected);
  });
});
