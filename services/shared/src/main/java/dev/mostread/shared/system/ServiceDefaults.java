package dev.mostread.shared.system;

import java.util.Map;

/**
 * What a service started on its own ({@code java -jar mostread-api.jar}) defaults to, below every other source of
 * configuration: its name, and its operator surfaces (actuator, {@code /dashboard}, {@code /api/v1/stats}, the
 * API docs) on the management port {@value #MANAGEMENT_PORT}, apart from the public port that nginx and the
 * internet reach. The standalone app keeps one port (its quick start); {@code --management.server.port} splits it.
 */
public final class ServiceDefaults {

    public static final int MANAGEMENT_PORT = 8081;

    private ServiceDefaults() {}

    public static Map<String, Object> of(String applicationName) {
        return Map.of(
                "spring.application.name",
                applicationName,
                "management.server.port",
                MANAGEMENT_PORT,
                "springdoc.use-management-port",
                true);
    }
}
