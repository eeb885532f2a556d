package dev.mostread.api.serve;

import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A list as an HTML fragment in the widget's markup and labels ({@code GET …/most-read.html}), for server-side
 * includes, readers without JavaScript and caches. Every value is escaped; only http(s) links become links.
 */
final class ListFragment {

    /** The widget's built-in labels: heading, "more", empty state. */
    record Labels(String title, String more, String empty) {}

    static final Map<String, Labels> LABELS = Map.of(
            "ko", new Labels("많이 본 뉴스", "더보기", "아직 보여 드릴 기사가 없습니다."),
            "en", new Labels("Most read", "More", "Nothing to show yet."));

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private ListFragment() {}

    static Labels labels(String lang) {
        String primary = lang == null ? "en" : lang.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return LABELS.getOrDefault(primary, LABELS.get("en"));
    }

    /** @param snippet characters of each item's summary to show (0: none) */
    static String render(Ranking ranking, String lang, int snippet) {
        Labels labels = labels(lang);
        StringBuilder html = new StringBuilder(1024);
        String id = "mostread-" + Integer.toHexString(ranking.key().toString().hashCode());
        html.append("<section class=\"mostread\" lang=\"")
                .append(escape(lang == null ? "en" : lang))
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("\"><h2 class=\"mostread-title\" id=\"")
                .append(id)
                .append("\">")
                .append(escape(labels.title()))
                .append("</h2>");
        if (ranking.items().isEmpty()) {
            html.append("<p class=\"mostread-empty\">")
                    .append(escape(labels.empty()))
                    .append("</p>");
        } else {
            html.append("<ol class=\"mostread-list\" role=\"list\">");
            for (RankedItem item : ranking.items()) {
                html.append("<li class=\"mostread-item\"><span class=\"mostread-rank\" aria-hidden=\"true\">")
                        .append(item.rank())
                        .append("</span><div class=\"mostread-body\">");
                String text = escape(item.title() != null ? item.title() : item.articleId());
                if (isHttp(item.url())) {
                    html.append("<a class=\"mostread-link\" href=\"")
                            .append(escape(item.url()))
                            .append("\">")
                            .append(text)
                            .append("</a>");
                } else {
                    html.append("<span class=\"mostread-link\">").append(text).append("</span>");
                }
                if (snippet > 0 && item.summary() != null && !item.summary().isBlank()) {
                    html.append("<span class=\"mostread-snippet\">")
                            .append(escape(snippet(item.summary(), snippet)))
                            .append("</span>");
                }
                html.append("</div></li>");
            }
            html.append("</ol>");
        }
        return html.append("</section>").toString();
    }

    /**
     * The first {@code max} characters (grapheme clusters) of {@code text}, cut at a word boundary when one is in
     * the last 40% of the cut, with "…" when anything was cut: the widget's rule, on the server.
     */
    static String snippet(String text, int max) {
        String trimmed = text.strip();
        // \X is an extended grapheme cluster (a Hangul syllable, an emoji with its skin tone, e + accent)
        Matcher graphemes = GRAPHEME.matcher(trimmed);
        int end = 0;
        for (int i = 0; i < max; i++) {
            if (!graphemes.find()) {
                return trimmed;
            }
            end = graphemes.end();
        }
        if (!graphemes.find()) {
            return trimmed;
        }
        String cut = trimmed.substring(0, end);
        int space = -1;
        for (int i = cut.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(cut.charAt(i))) {
                space = i;
                break;
            }
        }
        if (space > cut.length() * 0.6) {
            cut = cut.substring(0, space);
        }
        return cut.replaceAll("[\\s.,;:·、。]+$", "") + "…";
    }

    private static boolean isHttp(String url) {
        return url != null
                && (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7));
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
