package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.kafka.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every setting the README's configuration table names is known to IDEs: the configuration processor's metadata
 * (from the {@code @ConfigurationProperties} records of every module, and their Javadoc) has it, with a description.
 */
class ConfigurationMetadataTest {

    private static final Path README = OperationsIntegrationTest.REPOSITORY.resolve("README.md");

    private static Map<String, String> metadata() throws IOException {
        Map<String, String> descriptions = new TreeMap<>();
        for (URL url : Collections.list(ConfigurationMetadataTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : Json.mapper().readTree(in).get("properties")) {
                    JsonNode description = property.get("description");
                    descriptions.put(
                            property.get("name").asString(), description == null ? "" : description.asString());
                }
            }
        }
        return descriptions;
    }

    @Test
    void everySettingTheReadmeDocumentsHasMetadataWithADescription() throws IOException {
        String readme = Files.readString(README);
        String configuration = readme.substring(
                readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 3));
        Matcher rows = Pattern.compile("(?m)^\\| `(mostread\\.[a-z0-9.-]+)").matcher(configuration);
        Map<String, String> metadata = metadata();
        int checked = 0;
        while (rows.find()) {
            String name = rows.group(1).replaceAll("\\.$", "");
            assertThat(metadata).as("metadata for %s", name).containsKey(name);
            assertThat(metadata.get(name)).as("description of %s", name).isNotBlank();
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }
}
