package dev.mostread.shared.pageview;

import java.net.URI;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The field rules of the contract (§3), one constant per field. */
public final class PageViewRules {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ARTICLE_ID_PATTERN = Pattern.compile("[A-Za-z0-9._:~-]{1,128}");

    public record Rule(Predicate<String> test, String message) {
        public boolean accepts(String value) {
            return test.test(value);
        }
    }

    public static final Rule SITE = new Rule(v -> SLUG.matcher(v).matches(),
            "must match [a-z0-9][a-z0-9-]{0,63}");
    public static final Rule SECTION = new Rule(v -> SLUG.matcher(v).matches(),
            "must match [a-z0-9][a-z0-9-]{0,63}");
    public static final Rule ARTICLE_ID = new Rule(v -> ARTICLE_ID_PATTERN.matcher(v).matches(),
            "must be 1-128 characters of [A-Za-z0-9._:~-]");
    public static final Rule VISITOR_ID = maxLength(128);
    public static final Rule TYPE = new Rule(v -> !v.isEmpty() && v.length() <= 64 && isWellFormed(v),
            "must be 1-64 characters");
    public static final Rule TITLE = maxLength(512);
    public static final Rule URL = httpUrl(2048);
    public static final Rule IMAGE_URL = httpUrl(2048);
    public static final Rule USER_AGENT = maxLength(1024);
    public static final Rule REFERRER = maxLength(2048);

    private PageViewRules() {
    }

    public static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    public static boolean isArticleId(String value) {
        return value != null && ARTICLE_ID_PATTERN.matcher(value).matches();
    }

    private static Rule maxLength(int max) {
        return new Rule(v -> v.length() <= max && isWellFormed(v),
                "must be at most " + max + " characters of well-formed Unicode");
    }

    private static Rule httpUrl(int max) {
        return new Rule(v -> v.length() <= max && isWellFormed(v) && isHttpUrl(v),
                "must be an absolute http(s):// URL of at most " + max + " characters");
    }

    /**
     * True when {@code value} has no unpaired surrogate: such a string cannot be encoded as UTF-8, so it could
     * be accepted here and then fail when a list that shows it is written.
     */
    public static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** True for an absolute {@code http://} or {@code https://} URL with a host; widgets link nothing else. */
    public static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
