package dev.mostread.shared.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile input from a seed, so a failure names the seed and case that reproduce it: broken and
 * deeply nested JSON, huge numbers, control characters, invalid UTF-8, long strings, wrong types, and
 * near-valid page views.
 */
public final class HostileInput {

    private static final List<String> FIELDS = List.of(
            "site",
            "articleId",
            "timestamp",
            "visitorId",
            "section",
            "type",
            "title",
            "url",
            "imageUrl",
            "userAgent",
            "referrer",
            "extra");

    private static final String ODD = "<>\"'&/%\\{}[]";

    private final Random random;

    public HostileInput(long seed) {
        this.random = new Random(seed);
    }

    public byte[] body() {
        return switch (random.nextInt(12)) {
            case 0 -> randomBytes(random.nextInt(2000));
            case 1 -> nested(random.nextInt(5000));
            case 2 ->
                ("{\"site\":\"news21\",\"articleId\":\"a\",\"timestamp\":" + hugeNumber() + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 3 -> ("[" + event() + "," + event() + "]").getBytes(StandardCharsets.UTF_8);
            case 4 -> event().getBytes(StandardCharsets.UTF_8);
            case 5 -> withInvalidUtf8(event());
            case 6 -> ("{\"site\":\"" + "n".repeat(random.nextInt(200_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 7 -> new byte[0];
            case 8 -> truncated(event());
            case 9 -> ("[" + "{},".repeat(random.nextInt(2000)) + "{}]").getBytes(StandardCharsets.UTF_8);
            case 10 -> scalar().getBytes(StandardCharsets.UTF_8);
            default ->
                ("{\"site\":\"news21\",\"articleId\":\"a\",\"site\":" + scalar() + ",\"x\":" + scalar() + "}")
                        .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A JSON object that looks like a page view, with any field given any kind of value. */
    public String event() {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(FIELDS.size() + 1);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"')
                    .append(FIELDS.get(random.nextInt(FIELDS.size())))
                    .append("\":")
                    .append(scalar());
        }
        return json.append('}').toString();
    }

    /** A JSON value: strings with control and odd characters, numbers of every size, nested values. */
    public String scalar() {
        return switch (random.nextInt(10)) {
            case 0 -> "\"news21\"";
            case 1 -> "\"" + escaped(text(random.nextInt(40))) + "\"";
            case 2 -> hugeNumber();
            case 3 -> String.valueOf(random.nextLong());
            case 4 -> "null";
            case 5 -> random.nextBoolean() ? "true" : "false";
            case 6 -> "[" + scalar() + "]";
            case 7 -> "{\"k\":" + scalar() + "}";
            case 8 -> "\"javascript:alert(1)\"";
            default -> "\"" + "2026-11-26T12:00:00Z" + "\"";
        };
    }

    public String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(
                    switch (random.nextInt(6)) {
                        case 0 -> random.nextInt(0x20);
                        case 1 -> 0x1F600 + random.nextInt(80);
                        case 2 -> 0x202E;
                        case 3 -> ODD.charAt(random.nextInt(ODD.length()));
                        default -> 'a' + random.nextInt(26);
                    });
        }
        return text.toString();
    }

    /** A query parameter or path segment value, percent-encoded or not. */
    public String parameter() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> "99999999999999999999999";
            case 3 -> "-1";
            case 4 -> java.net.URLEncoder.encode(text(random.nextInt(30)), StandardCharsets.UTF_8);
            case 5 -> "%FF%FE%00";
            case 6 -> "a".repeat(random.nextInt(5000));
            default ->
                List.of("1h", "24h", "7d", "today", "news21", "sport", "_all").get(random.nextInt(7));
        };
    }

    public String contentType() {
        return List.of(
                        "application/json",
                        "application/json; charset=utf-8",
                        "application/json; charset=latin1",
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "application/json;;;",
                        "\u0000",
                        "*/*",
                        "application/problem+json",
                        "multipart/form-data; boundary=x")
                .get(random.nextInt(10));
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String hugeNumber() {
        return List.of(
                        "1e999999",
                        "-1e-999999",
                        "123456789012345678901234567890",
                        "9223372036854775808",
                        "1.5",
                        "-0",
                        "0x10",
                        "NaN",
                        "Infinity",
                        "00012")
                .get(random.nextInt(10));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] nested(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] withInvalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 2) {
            bytes[1 + random.nextInt(bytes.length - 2)] = (byte) (0x80 | random.nextInt(0x40));
        }
        return bytes;
    }

    private byte[] truncated(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }
}
