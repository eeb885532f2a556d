package dev.mostread.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final String NGINX = "172.18.0.5";
    private static final String READER = "198.51.100.7";
    private static final ClientAddress BEHIND_NGINX = new ClientAddress(List.of("172.16.0.0/12"));
    private static final ClientAddress NO_PROXIES = new ClientAddress(List.of());

    @Test
    void withNoTrustedProxiesAForwardedForHeaderChangesNothing() {
        assertThat(NO_PROXIES.resolve("192.168.1.20", List.of("203.0.113.1"))).isEqualTo("192.168.1.20");
        assertThat(NO_PROXIES.resolve("127.0.0.1", List.of("203.0.113.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedProxyVouchesForTheAddressItSaw() {
        assertThat(BEHIND_NGINX.resolve(NGINX, List.of(READER))).isEqualTo(READER);
    }

    @Test
    void whatAClientWritesIntoTheHeaderItselfIsNeverTaken() {
        // the reader sent "X-Forwarded-For: 10.9.9.9"; nginx appended the address it saw
        assertThat(BEHIND_NGINX.resolve(NGINX, List.of("10.9.9.9, " + READER))).isEqualTo(READER);
        assertThat(BEHIND_NGINX.resolve(NGINX, List.of("10.9.9.9", READER))).isEqualTo(READER);
    }

    @Test
    void aPrivateAddressThatIsNotAConfiguredProxyIsNotTrusted() {
        assertThat(BEHIND_NGINX.resolve("192.168.1.20", List.of("203.0.113.1"))).isEqualTo("192.168.1.20");
    }

    @Test
    void chainsOfTrustedProxiesAreWalkedFromTheRight() {
        ClientAddress twoHops = new ClientAddress(List.of("172.16.0.0/12", "10.0.0.0/8"));
        assertThat(twoHops.resolve(NGINX, List.of("6.6.6.6, " + READER + ", 10.1.2.3")))
                .isEqualTo(READER);
    }

    @Test
    void garbageInTheHeaderStopsTheWalkAtTheLastAddressVouchedFor() {
        assertThat(BEHIND_NGINX.resolve(NGINX, List.of("not-an-ip"))).isEqualTo(NGINX);
        assertThat(BEHIND_NGINX.resolve(NGINX, List.of("evil.example, " + READER)))
                .isEqualTo(READER);
    }

    @Test
    void ipv6ProxiesAndClientsWork() {
        ClientAddress v6 = new ClientAddress(List.of("fd00::/8", "::1"));
        assertThat(v6.resolve("::1", List.of("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(v6.resolve("fd00::1", List.of("2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void ipv6ClientsShareOneRateLimitBucketPerSlash64() {
        assertThat(ClientAddress.bucket("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientAddress.bucket("2001:db8:1:2:ffff::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.bucket("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.bucket("2001:db8:1:2::1"));
        assertThat(ClientAddress.bucket(READER)).isEqualTo(READER);
    }

    @Test
    void aMisconfiguredProxyBlockIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ClientAddress(List.of("nginx"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
