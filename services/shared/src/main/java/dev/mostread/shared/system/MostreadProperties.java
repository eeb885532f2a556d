package dev.mostread.shared.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every service shares ({@code mostread.*}; per-site ones are {@link SitesProperties}).
 *
 * @param topicPrefix put before every topic name (letters, digits, {@code .}, {@code _}, {@code -})
 * @param trustedProxies CIDR blocks of the proxies whose {@code X-Forwarded-For} is believed (default none)
 * @param dataDir where state lives: the ranker's stores, the embedded broker's log, the collector's disk guard
 * @param dedupeWindow a visitor's repeated views of one article within this window count once
 * @param adminToken the bearer token of catalog writes and of health details (empty: both disabled)
 * @param operator the operators' dashboard
 */
@ConfigurationProperties("mostread")
@Validated
public record MostreadProperties(
        @DefaultValue("") @Pattern(regexp = "[A-Za-z0-9._-]*")
        String topicPrefix,

        @DefaultValue({}) List<String> trustedProxies,
        @DefaultValue("./data") @NotNull Path dataDir,
        @DefaultValue("30s") @NotNull Duration dedupeWindow,
        @DefaultValue("") String adminToken,
        @DefaultValue @Valid Operator operator) {

    public MostreadProperties {
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::trim)
                        .filter(proxy -> !proxy.isEmpty())
                        .toList();
    }

    /**
     * @param publicUrl where the dashboard, served on the management port, calls the public API (empty: the same
     *                  host's public port)
     * @param reportInterval how often each instance publishes its counters and health to {@code operator-stats}
     */
    public record Operator(
            @DefaultValue("") String publicUrl,
            @DefaultValue("2s") @NotNull Duration reportInterval) {}
}
