package dev.envparity.configfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class YamlSyntaxTest {

    private static Optional<String> problem(String yaml) {
        return YamlSyntax.problem("parity.yaml", new StringReader(yaml));
    }

    @Test
    void wellFormedDocumentsPass() {
        assertEquals(Optional.empty(), problem("parity:\n  environments: [staging, production]\n  hooks:\n"
                + "    gitlab: { token: \"${GITLAB_WEBHOOK_TOKEN:}\" }\n---\nother: document\n"));
    }

    @Test
    void syntaxErrorsNameTheLineAndColumn() {
        assertEquals(Optional.of("parity.yaml, line 3, column 1: expected ',' or ']', but got <stream end> "
                + "(while parsing a flow sequence at line 2, column 17)"), problem("parity:\n  environments: [staging, production\n"));
        assertEquals(Optional.of("parity.yaml, line 2, column 1: a tab character; YAML indents with spaces only"),
                problem("parity:\n\tfail-on: never\n"));
        assertEquals(Optional.of("parity.yaml, line 3, column 1: found unexpected end of stream "
                + "(while scanning a quoted scalar at line 2, column 10)"), problem("parity:\n  token: \"never\n"));
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        assertEquals(Optional.of("parity.yaml, line 4, column 3: fail-on is set twice in the same mapping (first at line 2, column 3)"),
                problem("parity:\n  fail-on: never\n  environments: [a, b]\n  fail-on: info\n"));
        assertEquals(Optional.of("parity.yaml, line 3, column 24: x is set twice in the same mapping (first at line 3, column 18)"),
                problem("parity:\n  services:\n    a: { urls: { x: 1, x: 2 } }\n"));
    }

    @Test
    void theFileContentIsNeverQuoted() {
        String yaml = "parity:\n  api:\n    token: 'secret-value-2\n  fail-on: [never\n";
        assertFalse(problem(yaml).orElseThrow().contains("secret-value-2"), problem(yaml).orElseThrow());
    }
}
