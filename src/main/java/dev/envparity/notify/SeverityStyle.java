package dev.envparity.notify;

import dev.envparity.report.Severity;

/** How a severity looks in chat: one emoji and one colour per severity, the same on every platform. */
public enum SeverityStyle {
    OK("✅", 0x2EB67D),
    INFO("🔵", 0x3498DB),
    WARNING("🟠", 0xE67E22),
    CRITICAL("🔴", 0xE01E5A);

    public final String emoji;
    /** 0xRRGGBB. */
    public final int rgb;

    SeverityStyle(String emoji, int rgb) {
        this.emoji = emoji;
        this.rgb = rgb;
    }

    public static SeverityStyle of(Severity s) {
        return valueOf(s.name());
    }

    /** "#E01E5A". */
    public String hex() {
        return String.format("#%06X", rgb);
    }

    /** Cuts {@code text} to {@code max} characters, ending with "…" when cut. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /**
     * Cuts {@code text} to {@code max} characters at the end of a line when it can, so that the markup a formatter wrote
     * on a line (a link, a mention) is kept whole or left out, never cut in half.
     */
    public static String cutLines(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.lastIndexOf('\n', max - 2);
        return end > 0 ? text.substring(0, end + 1) + "…" : cut(text, max);
    }
}
