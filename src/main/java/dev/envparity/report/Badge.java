package dev.envparity.report;

/**
 * A status badge for READMEs, in the flat style badges usually have: "envparity-checkout | promotion pending".
 * Widths are estimated from the character count (Verdana 11px averages about 7px a character).
 */
public final class Badge {
    private Badge() {
    }

    public static String svg(String service, Status status, Severity severity) {
        String label = "envparity: " + service;
        String message = status.label();
        String color = switch (severity) {
            case CRITICAL -> "#e05d44";
            case WARNING -> "#fe7d37";
            case INFO -> "#007ec6";
            case OK -> "#4c1";
        };
        int left = 10 + 7 * label.length();
        int right = 10 + 7 * message.length();
        int width = left + right;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" role=\"img\" aria-label=\""
                + xml(label + ": " + message) + "\">"
                + "<title>" + xml(label + ": " + message) + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + width + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + color + "\"/>"
                + "<rect width=\"" + width + "\" height=\"20\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
                + "<text x=\"" + left / 2 + "\" y=\"14\">" + xml(label) + "</text>"
                + "<text x=\"" + (left + right / 2) + "\" y=\"14\">" + xml(message) + "</text></g></svg>";
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
