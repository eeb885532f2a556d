package dev.mostread.api.catalog;

import dev.mostread.shared.article.ArticleReader;
import dev.mostread.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of catalog writes: the bearer token is checked, and a declared body over
 * {@link ArticleReader#MAX_BYTES} refused, before a byte of the body is read. Anonymous clients cannot make
 * the API buffer anything.
 */
public final class CatalogWriteGuard extends OncePerRequestFilter {

    private final byte[] token;

    /** @param adminToken the configured token; blank disables catalog writes */
    public CatalogWriteGuard(String adminToken) {
        this.token = adminToken == null || adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return token != null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !(("PUT".equals(method) || "DELETE".equals(method) || "POST".equals(method) || "PATCH".equals(method))
                && request.getRequestURI().matches("/api/v1/sites/[^/]+/articles(/.*)?"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!authorized(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Unauthorized",
                    token == null
                            ? "Catalog writes are disabled: no admin token is configured."
                            : "Send Authorization: Bearer <admin token>.");
            return;
        }
        if (request.getContentLengthLong() > ArticleReader.MAX_BYTES) {
            Problems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large",
                    "Request body too large",
                    "A catalog entry may hold at most " + ArticleReader.MAX_BYTES + " bytes.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean authorized(String authorization) {
        if (token == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }
}
