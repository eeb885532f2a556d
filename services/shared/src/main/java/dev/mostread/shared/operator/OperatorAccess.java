package dev.mostread.shared.operator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may see the health endpoint's details ({@code management.endpoint.health.show-details: when-authorized}):
 * a request that carries the admin token ({@code Authorization: Bearer <mostread.admin-token>}) is an operator.
 * Without a configured token nobody is; everyone else sees the status alone, never the data directory's path,
 * the disk's size or Kafka's state.
 */
public final class OperatorAccess extends OncePerRequestFilter {

    static final Principal OPERATOR = () -> "operator";

    private final byte[] token;

    public OperatorAccess(String adminToken) {
        this.token = adminToken == null || adminToken.isEmpty()
                ? null
                : ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (token != null
                && authorization != null
                && MessageDigest.isEqual(token, authorization.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public Principal getUserPrincipal() {
                            return OPERATOR;
                        }
                    },
                    response);
            return;
        }
        chain.doFilter(request, response);
    }
}
