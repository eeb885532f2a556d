package dev.mostread.collector.collect;

import dev.mostread.collector.collect.CollectorMetrics.RejectReason;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageViewReader;
import dev.mostread.shared.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    private static final List<String> FIELDS = List.of(
            "site",
            "articleId",
            "timestamp",
            "visitorId",
            "section",
            "type",
            "title",
            "summary",
            "url",
            "imageUrl",
            "userAgent",
            "referrer");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private final PageViewReader reader;
    private final Intake intake;
    private final CollectorMetrics metrics;
    private final JsonMapper mapper = Json.mapper();
    private final Clock clock;
    private final ClientAddress clients;

    PixelController(
            PageViewReader reader, Intake intake, CollectorMetrics metrics, Clock clock, ClientAddress clients) {
        this.clients = clients;
        this.reader = reader;
        this.intake = intake;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Operation(
            summary = "Record one page view from query parameters (AMP, no-JS)",
            description =
                    "Any PageView field as a query parameter. Always answers the 1x1 GIF; what cannot be recorded is counted as rejected.")
    @ApiResponse(responseCode = "200", description = "A 1x1 transparent GIF, never cached")
    @GetMapping("/api/v1/pixel.gif")
    ResponseEntity<byte[]> pixel(
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(value = "User-Agent", required = false) String userAgent,
            @RequestHeader(value = "Referer", required = false) String referer,
            jakarta.servlet.http.HttpServletRequest request) {
        record(parameters, userAgent, referer, clients.of(request));
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
        if (!result.valid()) {
            metrics.rejected(RejectReason.INVALID, 1);
            return;
        }
        // Whatever the outcome, the reader gets the GIF; the intake counts what it refused. An image request
        // has no Origin: the page's origin is its Referer's, and no Referer never matches a site's allowed origins.
        intake.accept(List.of(result.view()), clock.millis(), client, originOf(referer));
    }

    /** {@code scheme://host[:port]} of {@code referer}, or {@code "null"} (as browsers say it) when there is none. */
    static String originOf(String referer) {
        if (referer == null) {
            return "null";
        }
        try {
            java.net.URI uri = new java.net.URI(referer);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "null";
            }
            return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://"
                    + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return "null";
        }
    }

    private static void putIfAbsent(ObjectNode event, String field, String value, int maxLength) {
        if (!event.has(field) && value != null && value.length() <= maxLength) {
            event.put(field, value);
        }
    }
}
