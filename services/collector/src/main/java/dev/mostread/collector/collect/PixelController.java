package dev.mostread.collector.collect;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mostread.collector.collect.CollectorMetrics.RejectReason;
import dev.mostread.shared.kafka.Json;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.PageViewReader;
import dev.mostread.shared.pageview.TimeLimits;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/pixel.gif?site=&articleId=&...} (§4.2): one page view from query parameters, for AMP
 * pages and readers without JavaScript. Always answers the 1×1 GIF, uncacheable; what it cannot record is
 * counted as rejected, never shown to the reader.
 */
@RestController
@Tag(name = "Collect")
class PixelController {

    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final List<String> FIELDS = List.of("site", "articleId", "timestamp", "visitorId", "section",
            "type", "title", "url", "imageUrl", "userAgent", "referrer");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private final PageViewReader reader;
    private final PageViewPublisher publisher;
    private final CollectorProperties properties;
    private final CollectorMetrics metrics;
    private final SitePolicy sites;
    private final ClientRateLimits rateLimits;
    private final JsonMapper mapper;
    private final Clock clock;

    PixelController(PageViewReader reader, PageViewPublisher publisher, CollectorProperties properties,
                    CollectorMetrics metrics, SitePolicy sites, ClientRateLimits rateLimits, Clock clock) {
        this.sites = sites;
        this.rateLimits = rateLimits;
        this.reader = reader;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
        this.mapper = Json.mapper();
        this.clock = clock;
    }

    @Operation(summary = "Record one page view from query parameters (AMP, no-JS)",
            description = "Any PageView field as a query parameter. Always answers the 1x1 GIF; what cannot be recorded is counted as rejected.")
    @ApiResponse(responseCode = "200", description = "A 1x1 transparent GIF, never cached")
    @GetMapping("/api/v1/pixel.gif")
    ResponseEntity<byte[]> pixel(@RequestParam MultiValueMap<String, String> parameters,
                                 @RequestHeader(value = "User-Agent", required = false) String userAgent,
                                 @RequestHeader(value = "Referer", required = false) String referer,
                                 jakarta.servlet.http.HttpServletRequest request) {
        record(parameters, userAgent, referer, request.getRemoteAddr());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().mustRevalidate().cachePrivate())
                .header("Pragma", "no-cache")
                .header("Expires", "0")
                .contentType(MediaType.IMAGE_GIF)
                .body(GIF);
    }

    private void record(MultiValueMap<String, String> parameters, String userAgent, String referer, String client) {
        ObjectNode event = mapper.createObjectNode();
        for (String field : FIELDS) {
            String value = parameters.getFirst(field);
            if (value == null) {
                continue;
            }
            if (field.equals("timestamp") && DIGITS.matcher(value).matches()) {
                event.put(field, Long.parseLong(value));
            } else {
                event.put(field, value);
            }
        }
        // The request comes from the reader's browser: its own headers describe the reader.
        putIfAbsent(event, "userAgent", userAgent, 1024);
        putIfAbsent(event, "referrer", referer, 2048);
        PageViewReader.Result result = reader.readOne(mapper.writeValueAsBytes(event));
        long now = clock.millis();
        if (!result.valid()) {
            metrics.rejected(RejectReason.INVALID, 1);
            return;
        }
        PageView view = result.view();
        long eventTime = view.timestamp() == null ? now : view.timestamp();
        if (TimeLimits.check(eventTime, now) != TimeLimits.Verdict.IN_RANGE) {
            metrics.rejected(RejectReason.INVALID, 1);
            return;
        }
        List<PageView> views = List.of(view.withTimestamp(eventTime));
        if (sites.unknownSite(views).isPresent()) {
            metrics.rejected(RejectReason.SITE_NOT_ALLOWED, 1);
            return;
        }
        if (rateLimits.take(client, 1) > 0) {
            metrics.rejected(RejectReason.RATE_LIMITED, 1);
            return;
        }
        try {
            publisher.publish(views, now, properties.sendTimeout());
            metrics.accepted(1);
        } catch (PageViewPublisher.NotAcknowledgedException e) {
            metrics.rejected(RejectReason.KAFKA_UNAVAILABLE, 1);
        }
    }

    private static void putIfAbsent(ObjectNode event, String field, String value, int maxLength) {
        if (!event.has(field) && value != null && value.length() <= maxLength) {
            event.put(field, value);
        }
    }

}
