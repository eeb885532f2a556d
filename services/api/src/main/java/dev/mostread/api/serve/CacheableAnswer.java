package dev.mostread.api.serve;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list's bytes as every cacheable form of it is answered, written here once for both ways out — the controller
 * ({@link #entity}) and the fast path before Spring MVC's dispatch ({@link #write}): ETag, and 304 with no body when
 * {@code If-None-Match} names it; {@code Cache-Control: public, max-age=5, stale-while-revalidate=30}, so a CDN keeps
 * it a few seconds; CORS for any origin.
 */
record CacheableAnswer(byte[] body, String etag, MediaType type) {

    static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic().staleWhileRevalidate(Duration.ofSeconds(30));
    private static final String CACHE_CONTROL = CACHE.getHeaderValue();

    /** True when {@code ifNoneMatch} (a list of strong or weak tags, or {@code *}) names {@code etag}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The answer as Spring MVC returns it. */
    ResponseEntity<?> entity(String ifNoneMatch) {
        if (matches(ifNoneMatch, etag)) {
            ResponseEntity.HeadersBuilder<?> notModified = ResponseEntity.status(HttpStatus.NOT_MODIFIED);
            headers(notModified::header);
            return notModified.build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        headers(ok::header);
        return ok.contentType(type).body(body);
    }

    /** The answer written straight to the servlet response. */
    void write(HttpServletResponse response, String ifNoneMatch) throws IOException {
        headers(response::setHeader);
        if (matches(ifNoneMatch, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void headers(BiConsumer<String, String> set) {
        set.accept(HttpHeaders.ETAG, etag);
        set.accept(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        set.accept(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }
}
