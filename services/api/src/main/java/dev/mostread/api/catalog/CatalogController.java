package dev.mostread.api.catalog;

import dev.mostread.shared.article.Article;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.article.ArticleReader;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.pageview.PageViewRules;
import dev.mostread.shared.web.ApiDocs;
import dev.mostread.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalog writes (§4.4): {@code PUT} and {@code DELETE /api/v1/sites/{site}/articles/{articleId}} write an
 * entry or a tombstone to {@code articles}, behind {@code Authorization: Bearer <mostread.admin-token>}.
 * Without a configured token they are disabled and always answer 401.
 */
@RestController
@Tag(name = "Catalog", description = "Editorial catalog writes (admin token)")
class CatalogController {

    private final Producer<String, byte[]> producer;
    private final Topics topics;

    CatalogController(Producer<String, byte[]> articleProducer, Topics topics) {
        this.producer = articleProducer;
        this.topics = topics;
    }

    @Operation(
            summary = "Write an article's catalog entry",
            description = "Its title, url, section, image and "
                    + "publishedAt win over page views; hidden=true keeps it out of every list.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(
            responseCode = "202",
            description = "Written; lists show it within a second",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Article.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A field breaks a rule",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "401",
            description = "No or wrong token, or writes disabled",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM_JSON,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiDocs.UNAUTHORIZED_EXAMPLE)))
    @ApiResponse(
            responseCode = "413",
            description = "Body over 64 KB",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @PutMapping("/api/v1/sites/{site}/articles/{articleId}")
    ResponseEntity<?> put(
            @PathVariable String site,
            @PathVariable String articleId,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) HttpServletRequest request)
            throws IOException {
        ResponseEntity<?> refused = refuse(site, articleId);
        if (refused != null) {
            return refused;
        }
        // The guard refused declared sizes over the limit; a chunked body is cut here, one byte past it.
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(ArticleReader.MAX_BYTES + 1);
        }
        if (body.length > ArticleReader.MAX_BYTES) {
            return Problems.entity(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large",
                    "Request body too large",
                    "A catalog entry may hold at most " + ArticleReader.MAX_BYTES + " bytes.");
        }
        ArticleReader.Result entry = ArticleReader.read(body);
        if (!entry.valid()) {
            return Problems.respond(HttpStatus.BAD_REQUEST)
                    .body(Problems.withErrors(
                            Problems.of(
                                    HttpStatus.BAD_REQUEST,
                                    "invalid-article",
                                    "Invalid catalog entry",
                                    "See errors for the fields at fault."),
                            entry.problems()));
        }
        return write(site, articleId, Json.mapper().writeValueAsBytes(entry.article()), entry.article());
    }

    @Operation(
            summary = "Delete an article from the catalog (a tombstone): it leaves every list",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "202", description = "Tombstone written")
    @ApiResponse(
            responseCode = "401",
            description = "No or wrong token, or writes disabled",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping("/api/v1/sites/{site}/articles/{articleId}")
    ResponseEntity<?> delete(@PathVariable String site, @PathVariable String articleId) {
        ResponseEntity<?> refused = refuse(site, articleId);
        return refused != null ? refused : write(site, articleId, null, null);
    }

    /** The guard has checked the token; what is left is the path. */
    private static ResponseEntity<?> refuse(String site, String articleId) {
        List<ArticleReader.Problem> problems = new ArrayList<>();
        if (!PageViewRules.isSlug(site)) {
            problems.add(new ArticleReader.Problem("site", PageViewRules.SITE.message()));
        }
        if (!PageViewRules.isArticleId(articleId)) {
            problems.add(new ArticleReader.Problem("articleId", PageViewRules.ARTICLE_ID.message()));
        }
        return problems.isEmpty()
                ? null
                : Problems.respond(HttpStatus.BAD_REQUEST).body(Problems.invalidParameters(problems));
    }

    private ResponseEntity<?> write(String site, String articleId, byte[] value, Article article) {
        try {
            producer.send(new ProducerRecord<>(
                            topics.articles(), ArticleKey.of(site, articleId).toString(), value))
                    .get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return Problems.respond(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "kafka-unavailable",
                            "Not written",
                            "Kafka did not acknowledge the catalog write; send it again."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return article == null
                ? ResponseEntity.accepted().build()
                : ResponseEntity.accepted().body(article);
    }
}
