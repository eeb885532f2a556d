package dev.mostread.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's settings ({@code mostread.api.*}).
 *
 * @param streamHeartbeat how often an open list stream gets a comment line (the contract: at least every 15 s)
 * @param streamTimeout how long one stream stays open before the client reconnects
 * @param maxStreamsPerClient open streams per client address
 * @param maxStreams open streams in all
 */
@ConfigurationProperties("mostread.api")
@Validated
public record ApiProperties(
        @DefaultValue("15s") @NotNull Duration streamHeartbeat,
        @DefaultValue("30m") @NotNull Duration streamTimeout,
        @DefaultValue("8") @Min(1) int maxStreamsPerClient,
        @DefaultValue("1000") @Min(1) int maxStreams) {}
