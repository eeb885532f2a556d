package dev.mostread.ranker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.ranking.Sort;
import dev.mostread.shared.system.ListsProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The ranker's settings are bound from properties and checked: a mistake stops the start and names the setting. */
class RankerPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RankerProperties.class, ListsProperties.class})
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            RankerProperties ranker = context.getBean(RankerProperties.class);
            assertThat(ranker.listSize()).isEqualTo(70);
            assertThat(ranker.closeTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(ranker.trending().toRule().smoothing()).isEqualTo(10);
            assertThat(context.getBean(ListsProperties.class).sorts()).containsExactly(Sort.VIEWS);
        });
    }

    @Test
    void listsAreBoundFromTheirNamesAndViewsAreAlwaysKept() {
        runner.withPropertyValues("mostread.ranker.sorts=trending,visitors", "mostread.ranker.published-within=48h,2d")
                .run(context -> {
                    ListsProperties lists = context.getBean(ListsProperties.class);
                    assertThat(lists.sorts()).containsExactly(Sort.VIEWS, Sort.TRENDING, Sort.VISITORS);
                    assertThat(lists.windows()).hasSize(1); // 48h and 2d are one window
                });
    }

    @Test
    void aMistakenSettingStopsTheStartAndSaysWhich() {
        runner.withPropertyValues("mostread.ranker.trending.smoothing=0")
                .run(context ->
                        assertThat(rootMessage(context.getStartupFailure())).contains("trending.smoothing"));
        runner.withPropertyValues("mostread.ranker.stream-threads=0")
                .run(context ->
                        assertThat(rootMessage(context.getStartupFailure())).contains("streamThreads"));
        runner.withPropertyValues("mostread.ranker.list-size=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure())).contains("listSize");
        });
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
