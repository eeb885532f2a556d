package dev.mostread.api.serve;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageViewRules;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.Ranking;
import dev.mostread.shared.ranking.Sort;
import dev.mostread.shared.system.LimitsHit;
import dev.mostread.shared.system.SitesProperties;
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
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/sites/{site}/most-read} (§4.1): a list from memory, ready to cache at the edge. */
@RestController
@Tag(name = "Most read", description = "Ranked lists")
class MostReadController {

    static final int MAX_LIMIT = 50;
    /** Article ids one request may leave out; the ranker keeps {@code MAX_LIMIT + MAX_EXCLUDE} items per list. */
    static final int MAX_EXCLUDE = 20;

    private final RankingCache cache;
    private final ListStreams streams;
    private final SitesProperties sites;
    private final Clock clock;

    private final ClientAddress clients;
    private final LimitsHit limits;
    private final PublishedWindows windows;

    private final List<String> sorts;

    MostReadController(
            RankingCache cache,
            ListStreams streams,
            SitesProperties sites,
            Clock clock,
            ClientAddress clients,
            LimitsHit limits,
            PublishedWindows windows,
            dev.mostread.shared.system.ListsProperties lists) {
        this.windows = windows;
        this.sorts = lists.sortCodes(); // views first: the ranker always keeps lists by views
        this.clients = clients;
        this.limits = limits;
        this.cache = cache;
        this.streams = streams;
        this.sites = sites;
        this.clock = clock;
    }

    @Operation(
            summary = "A site's most-read list",
            description =
                    "period: 1h (default), 24h, 7d, 30d, today, yesterday; section: absent for all; limit: 1-50 (default 10); "
                            + "sort: views (default), visitors, or trending (rising now; period is ignored and each item has "
                            + "score, viewsLast15m and expectedLast15m), each when mostread.ranker.sorts keeps it; "
                            + "published: a configured window (mostread.ranker.published-within) keeps only "
                            + "articles published within it; exclude: up to 20 article ids. "
                            + "ETag/If-None-Match, Cache-Control public max-age=5 stale-while-revalidate=30, CORS *.")
    @ApiResponse(
            responseCode = "200",
            description = "The list",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Ranking.class)))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @ApiResponse(
            responseCode = "400",
            description = "Bad period, section or limit",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM_JSON,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiDocs.INVALID_PARAMETERS_EXAMPLE)))
    @ApiResponse(
            responseCode = "404",
            description = "A site never seen",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM_JSON,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiDocs.UNKNOWN_SITE_EXAMPLE)))
    @GetMapping("/api/v1/sites/{site}/most-read")
    ResponseEntity<?> mostRead(
            @PathVariable String site,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String published,
            @RequestParam(required = false) List<String> exclude,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) HttpServletRequest request) {
        Lookup lookup = lookup(site, period, section, limit, sort, published, request.getParameterValues("exclude"));
        if (lookup.problem() != null) {
            return lookup.problem();
        }
        ServedList.Body body = lookup.body();
        return new CacheableAnswer(body.json(), body.etag(), MediaType.APPLICATION_JSON).entity(ifNoneMatch);
    }

    /** The same list as an escaped HTML fragment in the widget's markup, for includes and readers without JavaScript. */
    @Operation(
            summary = "The same list as an HTML fragment",
            description =
                    "The widget's markup (<ol class=\"mostread-list\">) and labels (lang: ko, en), every value escaped; "
                            + "snippet: characters of each item's summary to show. Same caching headers as the JSON.")
    @ApiResponse(responseCode = "200", description = "text/html fragment", content = @Content(mediaType = "text/html"))
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "A site never seen",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/v1/sites/{site}/most-read.html")
    ResponseEntity<?> mostReadHtml(
            @PathVariable String site,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String snippet,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String published,
            @RequestParam(required = false) List<String> exclude,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) HttpServletRequest request) {
        Lookup lookup = lookup(site, period, section, limit, sort, published, request.getParameterValues("exclude"));
        if (lookup.problem() != null) {
            return lookup.problem();
        }
        String language = lang == null || !lang.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}") ? "en" : lang;
        int chars = 0;
        if (snippet != null && !snippet.isEmpty()) {
            chars = snippet.matches("\\d{1,3}") ? Integer.parseInt(snippet) : -1;
            if (chars < 0 || chars > 300) {
                return badParameters(List.of(new ParameterError("snippet", "must be 0-300")));
            }
        }
        byte[] html = ListFragment.render(lookup.ranking(), language, chars)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String etag = '"' + org.springframework.util.DigestUtils.md5DigestAsHex(html) + '"';
        return new CacheableAnswer(html, etag, new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .entity(ifNoneMatch);
    }

    /** The same list as Server-Sent Events: event {@code ranking} at connect and on every change. */
    @Operation(
            summary = "The same list as Server-Sent Events",
            description =
                    "Event 'ranking' with the list JSON at connect and on every change; a comment at least every 15 s.")
    @ApiResponse(
            responseCode = "200",
            description = "text/event-stream",
            content = @Content(mediaType = "text/event-stream"))
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "A site never seen",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "This client, or all clients together, hold as many streams as allowed",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/v1/sites/{site}/most-read/stream")
    SseEmitter stream(
            @PathVariable String site,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String published,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) HttpServletRequest request,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) HttpServletResponse response)
            throws IOException {
        Lookup lookup = lookup(site, period, section, limit, sort, published, null);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (lookup.problem() != null) {
            // An SSE handler cannot return a problem body through Spring's converters: write it here.
            response.setStatus(lookup.problem().getStatusCode().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream()
                    .write(Json.mapper().writeValueAsBytes(lookup.problem().getBody()));
            return null;
        }
        Optional<SseEmitter> opened = streams.open(lookup.key(), lookup.limit(), lookup.body(), clients.of(request));
        if (opened.isEmpty()) {
            limits.hit("streams");
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            Problems.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-streams",
                    "Too many streams",
                    "This client, or all clients together, already hold as many open streams as allowed.");
            return null;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return opened.get();
    }

    /** A checked request: the list's key, limit and current body, or the problem to answer instead. */
    private record Lookup(
            ListKey key, int limit, Ranking ranking, ServedList.Body body, ResponseEntity<ProblemDetail> problem) {}

    private Lookup lookup(
            String site, String period, String section, String limit, String sort, String published, String[] exclude) {
        ListRequest request = ListRequest.parse(site, period, section, limit, sort, exclude);
        if (request.errors().isEmpty() && !sorts.contains(request.key().sort().code())) {
            return invalid(List.of(new ParameterError("sort", "must be one of " + String.join(", ", sorts))));
        }
        if (request.errors().isEmpty() && published != null && !published.isEmpty()) {
            Optional<dev.mostread.shared.ranking.PublishedWindow> window = windows.find(published);
            if (window.isEmpty()) {
                return invalid(List.of(new ParameterError(
                        "published",
                        windows.windows().isEmpty()
                                ? "no published window is configured"
                                : "must be one of " + String.join(", ", windows.codes()))));
            }
            request = new ListRequest(
                    request.key().publishedWithin(window.get()), request.limit(), request.exclude(), request.errors());
        }
        if (!request.errors().isEmpty()) {
            return invalid(request.errors());
        }
        ListKey key = request.key();
        Optional<ServedList> list = cache.list(key);
        if (list.isEmpty() && !cache.knows(site)) {
            return new Lookup(
                    null,
                    0,
                    null,
                    null,
                    Problems.respond(HttpStatus.NOT_FOUND)
                            .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                            .body(Problems.of(
                                    HttpStatus.NOT_FOUND,
                                    "unknown-site",
                                    "Unknown site",
                                    "No view of site '" + site + "' has been counted yet.")));
        }
        if (list.isPresent() && !request.exclude().isEmpty()) {
            Ranking shown = list.get().ranking().without(request.exclude(), request.limit());
            return new Lookup(key, request.limit(), shown, ServedList.render(shown, Json.mapper()), null);
        }
        if (list.isPresent()) {
            ServedList served = list.get();
            return new Lookup(
                    key,
                    request.limit(),
                    served.ranking().limitedTo(request.limit()),
                    served.body(request.limit()),
                    null);
        }
        Ranking empty = emptyList(key);
        return new Lookup(key, request.limit(), empty, ServedList.render(empty, Json.mapper()), null);
    }

    /** A lookup that ends in a 400 naming the parameters at fault. */
    private static Lookup invalid(List<ParameterError> errors) {
        return new Lookup(null, 0, null, null, badParameters(errors));
    }

    /** The one 400 of these endpoints: {@code invalid-parameters}, with each parameter at fault. */
    private static ResponseEntity<ProblemDetail> badParameters(List<ParameterError> errors) {
        return Problems.respond(HttpStatus.BAD_REQUEST)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body(Problems.invalidParameters(errors));
    }

    /** A known site with no view in this period or section yet (nothing rising, for a trending list). */
    private Ranking emptyList(ListKey key) {
        Instant now = clock.instant();
        long windowStart = key.isTrending()
                ? Sort.trendingSince(now.toEpochMilli())
                : key.period().windowStart(now.toEpochMilli(), sites.zone(key.site()));
        long windowEnd = key.period().windowEnd(now.toEpochMilli(), sites.zone(key.site()));
        return new Ranking(
                key, now, Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd), List.of(), null);
    }

    /** A query parameter at fault. */
    record ParameterError(String field, String message) {}

    /** The query of one list request, checked; {@code exclude} holds the article ids to leave out, in NFC. */
    record ListRequest(ListKey key, int limit, java.util.Set<String> exclude, List<ParameterError> errors) {

        static ListRequest parse(String site, String period, String section, String limit) {
            return parse(site, period, section, limit, null, null);
        }

        static ListRequest parse(String site, String period, String section, String limit, String[] exclude) {
            return parse(site, period, section, limit, null, exclude);
        }

        /**
         * @param exclude the {@code exclude} parameter's values: one value is a comma-separated list; when the
         *                parameter is repeated, each value is one whole id (an id may hold a comma)
         */
        static ListRequest parse(
                String site, String period, String section, String limit, String sort, String[] exclude) {
            List<ParameterError> errors = new java.util.ArrayList<>();
            Sort chosenSort = Sort.VIEWS;
            if (sort != null && !sort.isEmpty()) {
                chosenSort = Sort.fromCode(sort).orElse(null);
                if (chosenSort == null) {
                    errors.add(new ParameterError(
                            "sort",
                            "must be one of "
                                    + String.join(
                                            ", ",
                                            java.util.Arrays.stream(Sort.values())
                                                    .map(Sort::code)
                                                    .toList())));
                }
            }
            Period chosen = Period.LAST_HOUR;
            if (period != null && !period.isEmpty()) {
                chosen = Period.fromCode(period).orElse(null);
                if (chosen == null) {
                    errors.add(new ParameterError("period", "must be one of " + String.join(", ", Period.CODES)));
                }
            }
            // Sections are kept lower case and NFC: ?section=정치 finds the list in either normal form.
            String chosenSection = section == null || section.isEmpty() ? null : PageViewRules.section(section);
            if (chosenSection != null && !PageViewRules.isSection(chosenSection)) {
                errors.add(new ParameterError("section", PageViewRules.SECTION.message()));
            }
            int chosenLimit = 10;
            if (limit != null && !limit.isEmpty()) {
                try {
                    chosenLimit = Integer.parseInt(limit);
                } catch (NumberFormatException e) {
                    chosenLimit = -1;
                }
                if (chosenLimit < 1 || chosenLimit > MAX_LIMIT) {
                    errors.add(new ParameterError("limit", "must be an integer from 1 to " + MAX_LIMIT));
                }
            }
            java.util.Set<String> excluded = excluded(exclude, errors);
            ListKey key = errors.isEmpty() ? new ListKey(site, chosen, chosenSection, chosenSort) : null;
            return new ListRequest(key, chosenLimit, excluded, errors);
        }

        private static java.util.Set<String> excluded(String[] values, List<ParameterError> errors) {
            if (values == null || values.length == 0) {
                return java.util.Set.of();
            }
            List<String> ids = values.length == 1 ? List.of(values[0].split(",", -1)) : List.of(values);
            java.util.Set<String> excluded = new java.util.HashSet<>();
            for (String id : ids) {
                if (id.isEmpty()) {
                    continue;
                }
                String normal = PageViewRules.articleId(id);
                if (!PageViewRules.isArticleId(normal)) {
                    errors.add(new ParameterError("exclude", PageViewRules.ARTICLE_ID.message()));
                    return java.util.Set.of();
                }
                excluded.add(normal);
            }
            if (excluded.size() > MAX_EXCLUDE) {
                errors.add(new ParameterError("exclude", "at most " + MAX_EXCLUDE + " article ids"));
                return java.util.Set.of();
            }
            return excluded;
        }
    }
}
