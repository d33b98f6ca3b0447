package dev.envparity.notify;

/**
 * How one chat platform shows plain text as plain text: its markup, mention and link syntax made inert. Each
 * formatter declares one and applies it to the whole {@link Digest} with {@link Digest#escaped} before adding
 * markup of its own; the building blocks below are the ones the platforms document.
 */
@FunctionalInterface
public interface Markup {
    /** Invisible, and not a letter: "@\u200Bhere" reads as "@here" but is no mention word to any parser. */
    String ZERO_WIDTH_SPACE = "\u200B";

    String escape(String plain);

    /** {@code &}, {@code <} and {@code >} as HTML entities: no tag, no {@code <!channel>}, no {@code <url|text>}. */
    static String entities(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A backslash before each of {@code chars}: CommonMark's escape for ASCII punctuation (spec 0.31, §2.4). */
    static String backslash(String s, String chars) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (chars.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** "@here", "@all", "@alice" stop being mention words where no escape exists for them. */
    static String breakMentions(String s) {
        return s.replace("@", "@" + ZERO_WIDTH_SPACE);
    }

    /** "<users/all>" and "<https://…|text>" stop being tags where "<" has no escape. */
    static String breakTags(String s) {
        return s.replace("<", "<" + ZERO_WIDTH_SPACE);
    }

    /** "[text](url)" stops being a link where backslash escapes are not reliably honoured. */
    static String breakLinks(String s) {
        return s.replace("](", "]" + ZERO_WIDTH_SPACE + "(");
    }
}
