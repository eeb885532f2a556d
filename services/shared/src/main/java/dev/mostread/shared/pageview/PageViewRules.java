package dev.mostread.shared.pageview;

import dev.mostread.shared.ranking.ListKey;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The field rules of the contract (§3), one constant per field. */
public final class PageViewRules {

    /** Letters, marks and digits of any script, '-' and '_': what newsrooms name sections with. */
    private static final Pattern SECTION_PATTERN = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_-]+");

    public static final int MAX_SECTION = 64;
    public static final int MAX_ARTICLE_ID = 128;
    public static final int MAX_SUMMARY = 300;

    public record Rule(Predicate<String> test, String message) {
        public boolean accepts(String value) {
            return test.test(value);
        }
    }

    public static final Rule SITE = new Rule(PageViewRules::isSlug, "must match [a-z0-9][a-z0-9-]{0,63}");
    public static final Rule SECTION =
            new Rule(PageViewRules::isSection, "must be 1-64 letters, marks, digits, '-' or '_' (not _all)");
    public static final Rule ARTICLE_ID = new Rule(
            PageViewRules::isArticleId, "must be 1-128 characters, with no whitespace, control character or '/'");
    public static final Rule VISITOR_ID = maxLength(128);
    public static final Rule TYPE =
            new Rule(v -> !v.isEmpty() && v.length() <= 64 && isWellFormed(v), "must be 1-64 characters");
    public static final Rule TITLE = maxLength(512);
    public static final Rule SUMMARY = maxLength(MAX_SUMMARY);
    public static final Rule URL = httpUrl(2048);
    public static final Rule IMAGE_URL = httpUrl(2048);
    public static final Rule USER_AGENT = maxLength(1024);
    public static final Rule REFERRER = maxLength(2048);

    private PageViewRules() {}

    /** {@code [a-z0-9][a-z0-9-]{0,63}}, checked by hand: it runs for every page view the ranker reads. */
    public static boolean isSlug(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when every character is printable ASCII other than space ({@code !} to {@code ~}): such a string is
     * already NFC and has no whitespace or control character, so the Unicode checks below can be skipped.
     */
    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiSectionChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** A section as the contract has it, already {@link #section normalised}: Unicode, NFC, lower case. */
    public static boolean isSection(String value) {
        if (value == null || value.isEmpty() || !isWellFormed(value) || ListKey.ALL_SECTIONS.equals(value)) {
            return false;
        }
        if (value.length() <= MAX_SECTION && value.chars().allMatch(c -> isAsciiSectionChar((char) c))) {
            return true; // the common case, without the pattern and the normal-form check
        }
        int points = value.codePointCount(0, value.length());
        return points <= MAX_SECTION
                && SECTION_PATTERN.matcher(value).matches()
                && Normalizer.isNormalized(value, Normalizer.Form.NFC);
    }

    /** An article id, already {@link #articleId normalised}: 1-128 code points, NFC, no whitespace, control or '/'. */
    public static boolean isArticleId(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (value.length() <= MAX_ARTICLE_ID && isPrintableAscii(value)) {
            return value.indexOf('/') < 0; // the common case, without the Unicode checks
        }
        if (!isWellFormed(value)) {
            return false;
        }
        if (value.codePointCount(0, value.length()) > MAX_ARTICLE_ID
                || !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return false;
        }
        return value.codePoints()
                .noneMatch(c -> c == '/'
                        || Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.CONTROL);
    }

    /**
     * A section as the collector keeps it: lower case ({@code Locale.ROOT}), then NFC, so that "정치" typed in
     * either normal form, or "Culture" and "culture", are one section.
     */
    public static String section(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return isAscii(lower) ? lower : Normalizer.normalize(lower, Normalizer.Form.NFC);
    }

    /** An article id as the collector keeps it: NFC, so one id has one form wherever it travels. */
    public static String articleId(String value) {
        return value == null || isAscii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    private static Rule maxLength(int max) {
        return new Rule(
                v -> v.length() <= max && isWellFormed(v),
                "must be at most " + max + " characters of well-formed Unicode");
    }

    private static Rule httpUrl(int max) {
        return new Rule(
                v -> v.length() <= max && isWellFormed(v) && isHttpUrl(v),
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
