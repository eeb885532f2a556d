package dev.mostread.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a request comes from (§7, no spoofing). {@code X-Forwarded-For} is believed only when the connection
 * comes from a configured proxy ({@code mostread.trusted-proxies}, CIDR blocks, default none), and then only
 * up to the first address that is not itself a trusted proxy, read from the right: what a client writes into
 * the header itself is never taken. Rate limits key on {@link #bucket}: an IPv6 client's whole /64, since one
 * host commonly owns that many addresses.
 */
public final class ClientAddress {

    private final List<Block> trusted;

    /** @param trustedProxies CIDR blocks ({@code 10.0.0.0/8}, {@code ::1/128}) or single addresses */
    public ClientAddress(List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String proxy : trustedProxies) {
            if (!proxy.isBlank()) {
                blocks.add(Block.parse(proxy.trim()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /** The client's address as far as trusted proxies vouch for it. */
    public String of(HttpServletRequest request) {
        return resolve(
                request.getRemoteAddr(),
                request.getHeaders("X-Forwarded-For") == null
                        ? List.of()
                        : java.util.Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** The same rule on plain values: {@code forwardedFor} are the header's values, in order. */
    public String resolve(String remoteAddress, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(remoteAddress)) {
            return remoteAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = remoteAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (parse(hop) == null) {
                return client; // not an address: whatever is left of it was written by the client
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    boolean isTrusted(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return false;
        }
        for (Block block : trusted) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The rate-limit bucket of an address: IPv4 as it is, IPv6 by its /64 network. */
    public static String bucket(String address) {
        byte[] bytes = parse(address);
        if (bytes == null || bytes.length == 4) {
            return address;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                    .append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** The address's bytes, or null if it is not a literal IPv4 or IPv6 address (no name is ever looked up). */
    static byte[] parse(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return null;
        }
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        String plain = zone < 0 ? literal : literal.substring(0, zone);
        boolean v4 = plain.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = plain.contains(":") && plain.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(plain).getAddress();
            if (bytes.length == 16 && isMappedV4(bytes)) {
                return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private record Block(byte[] network, int bits) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] network = ClientAddress.parse(slash < 0 ? cidr : cidr.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("Not an address or CIDR block: " + cidr);
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + cidr);
            }
            return new Block(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
