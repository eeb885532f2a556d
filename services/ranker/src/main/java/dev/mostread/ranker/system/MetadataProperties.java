package dev.mostread.ranker.system;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How article looks from page views are trusted ({@code mostread.metadata.*}).
 *
 * @param confirmations distinct visitors whose views must carry a new title, url or image before it replaces
 *        the one shown (the first value of each is shown at once); 1 trusts every view
 */
@ConfigurationProperties("mostread.metadata")
@Validated
public record MetadataProperties(@DefaultValue("3") @Min(1) int confirmations) {}
