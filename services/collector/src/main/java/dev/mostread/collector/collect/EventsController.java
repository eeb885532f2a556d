package dev.mostread.collector.collect;

import dev.mostread.collector.collect.CollectorMetrics.RejectReason;
import dev.mostread.shared.pageview.FieldError;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.PageViewReader;
import dev.mostread.shared.web.ApiDocs;
import dev.mostread.shared.web.ClientAddress;
import dev.mostread.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events} (§4.2): one page view or an array of them, all accepted or none. 202 only once
 * Kafka has acknowledged every event.
 */
@RestController
@Tag(name = "Collect", description = "Page views in")
class EventsController {

    private final PageViewReader reader;
    private final Intake intake;
    private final CollectorProperties properties;
    private final CollectorMetrics metrics;
    private final Clock clock;
    private final ClientAddress clients;

    EventsController(
            PageViewReader reader,
            Intake intake,
            CollectorProperties properties,
            CollectorMetrics metrics,
            Clock clock,
            ClientAddress clients) {
        this.clients = clients;
        this.reader = reader;
        this.intake = intake;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Operation(
            summary = "Record page views",
            description =
                    "One PageView or an array of at most 1000, all or nothing; 202 only once Kafka has every one.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(oneOf = {PageView.class, PageView[].class}),
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "[{\"site\":\"news21\",\"articleId\":\"budget-2027\",\"title\":\"The budget, explained\",\"url\":\"https://news21.example/budget-2027\",\"section\":\"politics\",\"visitorId\":\"v-123\"}]"))))
    @ApiResponse(
            responseCode = "202",
            description = "Every event written",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"accepted\":2}")))
    @ApiResponse(
            responseCode = "400",
            description = "An event breaks a rule; nothing written",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM_JSON,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiDocs.INVALID_EVENTS_EXAMPLE)))
    @ApiResponse(
            responseCode = "413",
            description = "Body over 1 MiB",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "415",
            description = "Not application/json",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "A site not served here, or a page origin the site does not accept",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Over the per-client rate limit; Retry-After set",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Kafka did not acknowledge within 5 s; Retry-After set",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM_JSON,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiDocs.KAFKA_UNAVAILABLE_EXAMPLE)))
    @PostMapping("/api/v1/events")
    ResponseEntity<?> collect(
            @io.swagger.v3.oas.annotations.Parameter(hidden = true)
                    @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false)
                    String contentType,
            HttpServletRequest request)
            throws IOException {
        if (!isJson(contentType)) {
            metrics.rejected(RejectReason.UNSUPPORTED_MEDIA_TYPE, 1);
            return Problems.entity(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "Send page views as application/json.");
        }
        long maxBytes = properties.maxBodySize().toBytes();
        byte[] body = readAtMost(request, maxBytes);
        if (body == null) {
            metrics.rejected(RejectReason.TOO_LARGE, 1);
            return Problems.entity(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large",
                    "Request body too large",
                    "A request body may hold at most " + maxBytes + " bytes.");
        }
        long receivedAt = clock.millis();
        PageViewReader.Batch batch = reader.readBatch(body);
        if (!batch.valid()) {
            metrics.rejected(RejectReason.INVALID, batch.size());
            return invalid(batch.errors());
        }
        Intake.Outcome outcome =
                intake.accept(batch.views(), receivedAt, clients.of(request), request.getHeader(HttpHeaders.ORIGIN));
        return switch (outcome.result()) {
            case ACCEPTED ->
                ResponseEntity.accepted().body(Map.of("accepted", batch.views().size()));
            case INVALID -> invalid(outcome.errors());
            case SITE_NOT_ALLOWED -> forbidden("site-not-allowed", "Site not served here", outcome.errors());
            case SITE_LIMIT -> forbidden("site-limit", "Too many sites", outcome.errors());
            case ORIGIN_NOT_ALLOWED -> forbidden("origin-not-allowed", "Origin not allowed", outcome.errors());
            case RATE_LIMITED ->
                Problems.respond(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(outcome.retryAfter()))
                        .body(Problems.of(
                                HttpStatus.TOO_MANY_REQUESTS,
                                "rate-limited",
                                "Too many events",
                                "This client sent more events than its rate limit allows; retry after "
                                        + outcome.retryAfter() + " s."));
            case DISK_LOW ->
                Problems.respond(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(outcome.retryAfter()))
                        .body(Problems.of(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "disk-low",
                                "Events not recorded",
                                "The disk that keeps events is nearly full; send them again later."));
            case KAFKA_UNAVAILABLE ->
                Problems.respond(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(outcome.retryAfter()))
                        .body(Problems.of(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "kafka-unavailable",
                                "Events not recorded",
                                "Kafka did not acknowledge the events in time; send them again."));
        };
    }

    private static ResponseEntity<?> invalid(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-events",
                "Invalid page views",
                errors.size() + " problem(s) in the request; no event of it was recorded.");
        return Problems.respond(HttpStatus.BAD_REQUEST).body(Problems.withErrors(problem, errors));
    }

    private static ResponseEntity<?> forbidden(String type, String title, List<FieldError> errors) {
        return Problems.respond(HttpStatus.FORBIDDEN)
                .body(Problems.withErrors(
                        Problems.of(HttpStatus.FORBIDDEN, type, title, "No event of the request was recorded."),
                        errors));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    && (type.getCharset() == null
                            || "UTF-8".equalsIgnoreCase(type.getCharset().name()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The body, or null when it is longer than {@code maxBytes}. */
    private static byte[] readAtMost(HttpServletRequest request, long maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBytes + 1);
            return body.length > maxBytes ? null : body;
        }
    }
}
