package dev.envparity.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("\u001b[2J\u001b[H", "\\x1B[2J\\x1B[H"),
                Arguments.of("ok\r\nfake line", "ok\\r\\nfake line"),
                Arguments.of("bell\u0007 del\u007f nul\u0000", "bell\\x07 del\\x7F nul\\x00"),
                Arguments.of("c1 csi \u009b31m nel \u0085", "c1 csi \\x9B31m nel \\x85"),
                Arguments.of("tab\there", "tab\\there"),
                Arguments.of("\u202Egnp.exe", "\\u202Egnp.exe"),
                Arguments.of("a\u2066b\u2069c\u200Fd\u061Ce\u200Ef\u202Ag\u202Ch", "a\\u2066b\\u2069c\\u200Fd\\u061Ce\\u200Ef\\u202Ag\\u202Ch"),
                Arguments.of("line\u2028para\u2029", "line\\u2028para\\u2029"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("hostile")
    void escapesWhatCouldActOnAScreen(String raw, String shown) {
        assertEquals(shown, UntrustedText.printable(raw));
    }

    @Test
    void leavesOrdinaryTextAloneEmojiIncluded() {
        String text = "🟠 payments · 1.9.0 → 1.8.3 ⚠️ façade 日本 \u200B";
        assertSame(text, UntrustedText.printable(text));
        assertNull(UntrustedText.printable(null));
    }

    @Test
    void excerptsCutAfterEscaping() {
        assertEquals("\\x1B[2J…", UntrustedText.excerpt("\u001b[2J and more", 8));
        assertEquals("short", UntrustedText.excerpt("short", 8));
    }
}
