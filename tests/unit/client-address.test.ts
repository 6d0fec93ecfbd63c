import { describe, expect, it } from "vitest";
import { isAddressOrRange } from "@/server/http/address-syntax";
import { clientAddress, trustedProxySet, UNKNOWN_ADDRESS } from "@/server/http/client-address";
import { parseConfig } from "@/server/env";

const xff = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("the client's address (X-Forwarded-For and TRUSTED_PROXIES)", () => {
  const none = trustedProxySet([]);
  const ours = trustedProxySet(["10.0.0.0/8", "192.0.2.7", "fd00::/8"]);

  it("with no trusted proxy, takes the right-most entry: what `next start` saw, or the nearest hop", () => {
    expect(clientAddress(xff("203.0.113.9"), none)).toBe("203.0.113.9");
    // Made-up entries to the left do not help an attacker choose their address.
    expect(clientAddress(xff("198.51.100.1, 203.0.113.9"), none)).toBe("203.0.113.9");
  });

  it("skips our own proxies from the right and takes the first address that is not one", () => {
    expect(clientAddress(xff("198.51.100.1, 203.0.113.9, 10.1.2.3"), ours)).toBe("203.0.113.9");
    expect(clientAddress(xff("203.0.113.9, 192.0.2.7, 10.9.9.9"), ours)).toBe("203.0.113.9");
    expect(clientAddress(xff("2001:db8::5, fd12::1"), ours)).toBe("2001:db8::5");
    // The first untrusted hop from the right is the address, even if it is a private one of someone else.
    expect(clientAddress(xff("203.0.113.9, 172.16.0.4, 10.0.0.1"), ours)).toBe("172.16.0.4");
  });

  it("a rotated or aimed X-Forwarded-For cannot pick the address behind a trusted proxy", () => {
    // The proxy appends what it saw (203.0.113.9); whatever the client put first is ignored.
    for (const forged of ["1.1.1.1", "192.0.2.7", "10.0.0.5", "victim, 8.8.8.8"]) {
      expect(clientAddress(xff(`${forged}, 203.0.113.9, 10.0.0.2`), ours)).toBe("203.0.113.9");
    }
  });

  it("when every entry is a trusted proxy, takes the left-most", () => {
    expect(clientAddress(xff("10.0.0.9, 10.0.0.2"), ours)).toBe("10.0.0.9");
  });

  it("reads ports, brackets and IPv4-mapped IPv6 addresses as the bare address", () => {
    expect(clientAddress(xff("203.0.113.9:51234"), none)).toBe("203.0.113.9");
    expect(clientAddress(xff("[2001:DB8::5]:443"), none)).toBe("2001:db8::5");
    expect(clientAddress(xff("::ffff:203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientAddress(xff("203.0.113.9, ::ffff:10.0.0.1"), ours)).toBe("203.0.113.9");
  });

  it("answers 'unknown' without a header, or when the first untrusted entry is not an address", () => {
    expect(clientAddress(xff(), none)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(xff(""), none)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(xff("not-an-ip"), none)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(xff("203.0.113.9, garbage, 10.0.0.1"), ours)).toBe(UNKNOWN_ADDRESS);
  });

  it("ignores X-Real-IP and other headers (only X-Forwarded-For is read)", () => {
    const headers = new Headers({ "x-real-ip": "1.2.3.4", "x-forwarded-for": "203.0.113.9" });
    expect(clientAddress(headers, none)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-real-ip": "1.2.3.4" }), none)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is empty by default and reads a comma list of addresses and CIDR ranges", () => {
    expect(parseConfig({}).trustedProxies).toEqual([]);
    expect(parseConfig({ TRUSTED_PROXIES: " 10.0.0.0/8, 192.0.2.7 ,fd00::/8" }).trustedProxies).toEqual([
      "10.0.0.0/8",
      "192.0.2.7",
      "fd00::/8",
    ]);
  });

  it("refuses entries that are not addresses or ranges, naming the variable", () => {
    for (const bad of ["10.0.0.0/33", "proxy.internal", "10.0.0.1/8/1", "fd00::/129", "10.0.0.0/x"]) {
      expect(isAddressOrRange(bad)).toBe(false);
      expect(() => parseConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    }
    expect(isAddressOrRange("::1")).toBe(true);
  });
});
