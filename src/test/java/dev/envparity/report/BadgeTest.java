package dev.envparity.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BadgeTest {

    @Test
    void statusAndColour() {
        String svg = Badge.svg("checkout", Status.UNREACHABLE, Severity.CRITICAL);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains(">unreachable</text>") && svg.contains("#e05d44"), svg);
        assertTrue(svg.contains("aria-label=\"envparity: checkout: unreachable\""));
    }

    @Test
    void namesAreEscaped() {
        String svg = Badge.svg("a<script>&\"'", Status.IN_SYNC, Severity.OK);
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("a&lt;script&gt;&amp;&quot;&apos;"), svg);
    }
}
