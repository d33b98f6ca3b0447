package dev.envparity.report;

/**
 * Untrusted text as the content of one GitHub Flavored Markdown table cell, shown exactly as it was reported:
 * <ul>
 * <li>control characters, bidirectional overrides and line separators become visible escapes ("\x1B", "\n"),
 * since a line break would end the table row (GFM spec, tables: https://github.github.com/gfm/#tables-extension-);</li>
 * <li>every character that starts inline markup gets a backslash — code, emphasis, strikethrough, links, images,
 * HTML and entities, the cell's own {@code |}, GitHub's {@code $} math — which CommonMark allows before any ASCII
 * punctuation (spec 0.31, §2.4, https://spec.commonmark.org/0.31.2/#backslash-escapes);</li>
 * <li>what GitHub links after rendering, where a backslash no longer helps — {@code @mentions}, {@code #123}
 * references, {@code :emoji:} shortcodes and bare {@code https://} or {@code www.} links — gets an invisible
 * zero-width space after its first character.</li>
 * </ul>
 */
public final class MarkdownCells {
    private static final String PUNCTUATION = "\\`*_~[]<>&|$!";
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private MarkdownCells() {
    }

    /** At most {@code max} characters of {@code text} (then "…"), safe in a table cell; null is "—". */
    public static String cell(String text, int max) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        String visible = visible(text.strip());
        if (visible.length() > max) {
            visible = visible.substring(0, Math.max(0, max - 1)) + "…";
        }
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            if (PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
            if (linkedAfterRendering(visible, i)) {
                out.append(ZERO_WIDTH_SPACE);
            }
        }
        return out.toString();
    }

    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n': out.append("\\n"); continue;
                case '\r': out.append("\\r"); continue;
                case '\t': out.append("\\t"); continue;
                default: break;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                out.append(String.format("\\x%02X", (int) c));
            } else if (c == '\u2028' || c == '\u2029' || c == '\u061C' || c == '\u200E' || c == '\u200F'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Is the character at {@code i} the start of a mention, reference, shortcode or bare link? */
    private static boolean linkedAfterRendering(String s, int i) {
        char c = s.charAt(i);
        char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        switch (c) {
            case '@': return Character.isLetterOrDigit(next);
            case '#': return Character.isDigit(next);
            case ':': return s.startsWith("//", i + 1) || shortcodeAt(s, i);
            case 'w': case 'W': return next == '.' && i >= 2 && s.regionMatches(true, i - 2, "www", 0, 3)
                    && (i == 2 || !Character.isLetterOrDigit(s.charAt(i - 3)));
            default: return false;
        }
    }

    /** ":white_check_mark:" and the like: https://docs.github.com/get-started/writing-on-github (emoji). */
    private static boolean shortcodeAt(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "_+-".indexOf(s.charAt(j)) >= 0)) {
            j++;
        }
        return j > i + 1 && j < s.length() && s.charAt(j) == ':';
    }
}
