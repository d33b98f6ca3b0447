package dev.envparity.report;

/**
 * Text a service reported (a version, a commit, a check name, an error body), made safe to print next to
 * envparity's own words: every character that could move the cursor, clear the screen, start a new line or
 * reorder what follows is shown as a visible escape instead. That is C0 controls (ESC, BEL, CR, LF, TAB…),
 * DEL, C1 controls (U+0080–U+009F, CSI among them), the Unicode bidirectional formatting characters of
 * "Trojan Source" (https://trojansource.codes, Unicode UAX #9) and the line and paragraph separators.
 * Everything else, emoji included, is kept as it is.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /** One printable line: "1.0\x1B[2J" for a version carrying ESC [ 2 J. Null stays null. */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** At most {@code max} characters of {@link #printable} text, ending with "…" when cut. */
    public static String excerpt(String text, int max) {
        String p = printable(text);
        return p.length() <= max ? p : p.substring(0, Math.max(0, max - 1)) + "…";
    }

    private static String escape(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default: break;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            return String.format("\\x%02X", (int) c);
        }
        if (isBidiControl(c) || c == '\u2028' || c == '\u2029') {
            return String.format("\\u%04X", (int) c);
        }
        return null;
    }

    /** ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
