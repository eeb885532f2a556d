package dev.mostread.shared.operator;

import dev.mostread.shared.system.MostreadProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** {@link OperatorAccess} wherever the management endpoints are served (their own port, or the one port). */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
public class OperatorAccessConfiguration {

    @Bean
    FilterRegistrationBean<OperatorAccess> operatorAccess(MostreadProperties properties) {
        FilterRegistrationBean<OperatorAccess> registration =
                new FilterRegistrationBean<>(new OperatorAccess(properties.adminToken()));
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }
}
