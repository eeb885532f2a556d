package dev.mostread.api.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.mostread.shared.article.Article;
import dev.mostread.shared.kafka.ArticleKey;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.pageview.PageViewRules;
import dev.mostread.shared.web.ApiDocs;
import dev.mostread.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Catalog writes (§4.4): {@code PUT} and {@code DELETE /api/v1/sites/{site}/articles/{articleId}} write an
 * entry or a tombstone to {@code articles}, behind {@code Authorization: Bearer <mostread.admin-token>}.
 * Without a configured token they are disabled and always answer 401.
 */
@RestController
@Tag(name = "Catalog", description = "Editorial catalog writes (admin token)")
class CatalogController {

    private static final Logger log = LoggerFactory.getLogger(CatalogController.class);

    /** A field of the catalog entry at fault. */
    record FieldProblem(String field, String message) {
    }

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final byte[] token;

    CatalogController(Producer<String, byte[]> articleProducer, Topics topics,
                      @Value("${mostread.admin-token:}") String adminToken) {
        this.producer = articleProducer;
        this.topics = topics;
        this.token = adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        if (token == null) {
            log.warn("mostread.admin-token is not set: catalog writes (PUT/DELETE /api/v1/sites/{site}/articles/{id}) are disabled");
        }
    }

    @Operation(summary = "Write an article's catalog entry", description = "Its title, url, section, image and "
            + "publishedAt win over page views; hidden=true keeps it out of every list.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "202", description = "Written; lists show it within a second",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Article.class)))
    @ApiResponse(responseCode = "400", description = "A field breaks a rule", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No or wrong token, or writes disabled", content = @Content(
            mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(value = ApiDocs.UNAUTHORIZED_EXAMPLE)))
    @PutMapping("/api/v1/sites/{site}/articles/{articleId}")
    ResponseEntity<?> put(@PathVariable String site, @PathVariable String articleId,
                          @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                          @RequestBody(required = false) byte[] body) {
        ResponseEntity<?> refused = refuse(authorization, site, articleId);
        if (refused != null) {
            return refused;
        }
        List<FieldProblem> problems = new ArrayList<>();
        Article article = read(body, problems);
        if (!problems.isEmpty()) {
            return Problems.respond(HttpStatus.BAD_REQUEST).body(Problems.withErrors(
                    Problems.of(HttpStatus.BAD_REQUEST, "invalid-article", "Invalid catalog entry",
                            "See errors for the fields at fault."), problems));
        }
        return write(site, articleId, Json.mapper().writeValueAsBytes(article), article);
    }

    @Operation(summary = "Delete an article from the catalog (a tombstone): it leaves every list",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "202", description = "Tombstone written")
    @ApiResponse(responseCode = "401", description = "No or wrong token, or writes disabled", content = @Content(
            mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping("/api/v1/sites/{site}/articles/{articleId}")
    ResponseEntity<?> delete(@PathVariable String site, @PathVariable String articleId,
                             @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ResponseEntity<?> refused = refuse(authorization, site, articleId);
        return refused != null ? refused : write(site, articleId, null, null);
    }

    private ResponseEntity<?> refuse(String authorization, String site, String articleId) {
        if (!authorized(authorization)) {
            return Problems.respond(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                            token == null ? "Catalog writes are disabled: no admin token is configured."
                                    : "Send Authorization: Bearer <admin token>."));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!PageViewRules.isSlug(site)) {
            problems.add(new FieldProblem("site", PageViewRules.SITE.message()));
        }
        if (!PageViewRules.isArticleId(articleId)) {
            problems.add(new FieldProblem("articleId", PageViewRules.ARTICLE_ID.message()));
        }
        return problems.isEmpty() ? null : Problems.respond(HttpStatus.BAD_REQUEST).body(Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameters", "Invalid parameters",
                        "See errors for the parameters at fault."), problems));
    }

    private boolean authorized(String authorization) {
        if (token == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    private ResponseEntity<?> write(String site, String articleId, byte[] value, Article article) {
        try {
            producer.send(new ProducerRecord<>(topics.articles(), ArticleKey.of(site, articleId), value))
                    .get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return Problems.respond(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Not written",
                            "Kafka did not acknowledge the catalog write; send it again."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return article == null ? ResponseEntity.accepted().build() : ResponseEntity.accepted().body(article);
    }

    /** The entry in {@code body}, checked field by field; problems go to {@code problems}. */
    static Article read(byte[] body, List<FieldProblem> problems) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : Json.mapper().readTree(body);
        } catch (JacksonException e) {
            problems.add(new FieldProblem("", "not valid JSON"));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem("", "must be a JSON object"));
            return null;
        }
        String title = text(node, "title", problems, PageViewRules.TITLE);
        String url = text(node, "url", problems, PageViewRules.URL);
        String section = text(node, "section", problems, PageViewRules.SECTION);
        String imageUrl = text(node, "imageUrl", problems, PageViewRules.IMAGE_URL);
        Instant publishedAt = null;
        JsonNode published = node.get("publishedAt");
        if (published != null && !published.isNull()) {
            try {
                publishedAt = Instant.parse(published.isString() ? published.asString() : "?");
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("publishedAt", "must be an ISO-8601 instant"));
            }
        }
        Boolean hidden = null;
        JsonNode hiddenNode = node.get("hidden");
        if (hiddenNode != null && !hiddenNode.isNull()) {
            if (hiddenNode.isBoolean()) {
                hidden = hiddenNode.booleanValue();
            } else {
                problems.add(new FieldProblem("hidden", "must be true or false"));
            }
        }
        return new Article(title, url, section, imageUrl, publishedAt, hidden);
    }

    private static String text(JsonNode node, String field, List<FieldProblem> problems, PageViewRules.Rule rule) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        if (!rule.accepts(value.asString())) {
            problems.add(new FieldProblem(field, rule.message()));
            return null;
        }
        return value.asString();
    }
}
