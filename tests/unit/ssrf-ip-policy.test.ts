import { describe, expect, it } from "vitest";
import { isPublicAddress, ipv6Bytes } from "@/server/research/ip-policy";

describe("which addresses the researcher may contact", () => {
  it("refuses loopback, private, link-local, CGNAT, multicast and reserved IPv4", () => {
    for (const ip of ["127.0.0.1", "127.255.0.9", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "239.255.255.250", "255.255.255.255", "198.18.0.1"]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });

  it("allows public IPv4 just outside the private ranges", () => {
    for (const ip of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "11.0.0.1", "93.184.216.34"]) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it("refuses IPv6 loopback, ULA, link-local, multicast, IPv4-mapped and NAT64", () => {
    for (const ip of ["::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:8.8.8.8", "64:ff9b::a00:1", "2001:db8::1", "2002:a00:1::1", "[::1]"]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });

  it("allows global IPv6 unicast", () => {
    expect(isPublicAddress("2606:4700:4700::1111")).toBe(true);
    expect(isPublicAddress("2a00:1450:4001:80b::200e")).toBe(true);
  });

  it("refuses anything that is not an IP address", () => {
    expect(isPublicAddress("localhost")).toBe(false);
    expect(isPublicAddress("example.com")).toBe(false);
    expect(ipv6Bytes("1::2::3")).toBeNull();
  });
});
