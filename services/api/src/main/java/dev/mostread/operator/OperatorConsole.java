package dev.mostread.operator;

import dev.mostread.shared.system.MostreadProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operators' surfaces beside the actuator: {@code /dashboard}, its files and uPlot, and {@code /api/v1/stats}.
 * They live wherever the management endpoints live: with {@code management.server.port} set (the services'
 * default, 8081) in the management server's own context, so the public port answers 404 for all of them; with
 * one port (the standalone quick start) beside the public API.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnBean(SystemStats.class) // only where the API runs (its jar may sit beside a ranker's, in tests)
public class OperatorConsole {

    /** Where the dashboard's page finds the public API: {@code mostread.operator.public-url}, else its port here. */
    @Bean
    DashboardController dashboardController(
            SystemStats system, ViewTotalsReader views, ApplicationContext context, MostreadProperties properties) {
        String configured = properties.operator().publicUrl();
        return new DashboardController(
                system,
                views,
                () -> configured.isEmpty() ? publicPort(context) : configured,
                3 * properties.operator().reportInterval().toMillis() + 5_000);
    }

    /** ":8080" when the public server is another one than this context's, else "" (same origin). */
    private static String publicPort(ApplicationContext context) {
        ApplicationContext main = context;
        while (main.getParent() != null) {
            main = main.getParent();
        }
        if (main == context || !(main instanceof WebServerApplicationContext server) || server.getWebServer() == null) {
            return "";
        }
        return ":" + server.getWebServer().getPort();
    }

    @Bean
    WebMvcConfigurer operatorFiles() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/dashboard.js", "/dashboard.css")
                        .addResourceLocations("classpath:/operator/");
                if (!registry.hasMappingForPattern("/webjars/**")) {
                    registry.addResourceHandler("/webjars/**")
                            .addResourceLocations("classpath:/META-INF/resources/webjars/");
                }
            }
        };
    }
}
