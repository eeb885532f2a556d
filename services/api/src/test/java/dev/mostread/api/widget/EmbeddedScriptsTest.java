package dev.mostread.api.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class EmbeddedScriptsTest {

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = EmbeddedScriptsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }

    @Test
    void theWidgetStaysUnderFiveKilobytesGzipped() throws IOException {
        assertThat(gzipped(resource("/static/widget.js"))).isLessThan(5 * 1024);
    }

    @Test
    void theWidgetLoadsNothingFromThirdParties() throws IOException {
        String widget = new String(resource("/static/widget.js"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "");

        assertThat(widget)
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("innerHTML")
                .doesNotContain("import(")
                .doesNotContain("document.write");
    }
}
