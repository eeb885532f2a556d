package dev.mostread.standalone.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The standalone app's demo switch.
 *
 * @param demo generate demo traffic for the demo sites, so that the widget and the dashboard show life at once
 */
@ConfigurationProperties("mostread")
public record DemoProperties(@DefaultValue("false") boolean demo) {}
