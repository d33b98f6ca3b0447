package dev.envparity.probe.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a response body the way a fail-closed prober must: a body that looks like JSON is one whole, valid
 * JSON document (RFC 8259) or an error naming the byte where it stops being one — truncated, nested too deep,
 * a field given twice, something after the document; a text body is valid UTF-8. A body that cannot be read
 * is never taken for an answer.
 */
public final class StrictBody {
    /** Real health and info documents nest a handful of levels; this bounds what a hostile one costs. */
    public static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private StrictBody() {
    }

    /**
     * True when the body's first character (after white space and a UTF-8 BOM) opens a JSON object, array or
     * string — except Kubernetes' verbose health text, whose lines start "[+]" or "[-]".
     */
    public static boolean looksLikeJson(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        if (i >= body.length) {
            return false;
        }
        if (body[i] == '[') {
            boolean k8sLine = i + 2 < body.length && (body[i + 1] == '+' || body[i + 1] == '-') && body[i + 2] == ']';
            return !k8sLine;
        }
        return body[i] == '{' || body[i] == '"';
    }

    /**
     * @param what "health" or "version", for the message
     * @throws ProbeFailure "health body is not valid JSON at byte 41: the document ends early"
     */
    public static JsonNode json(byte[] body, String what) {
        JsonNode document;
        try (JsonParser parser = JSON.createParser(body)) {
            try {
                document = JSON.readTree(parser);
            } catch (JsonProcessingException e) {
                long at = offset(e.getLocation(), parser, body);
                throw invalid(what, isDuplicate(e) ? nameStart(body, at) : at, reason(e));
            }
            if (document == null || document.isMissingNode()) {
                throw invalid(what, body.length, "the document is empty");
            }
            long end = parser.currentLocation().getByteOffset();
            if (hasMore(parser)) {
                throw invalid(what, skipWhiteSpace(body, end), "more content after the document");
            }
        } catch (IOException e) {
            throw invalid(what, 0, "unreadable");
        }
        return document;
    }

    /**
     * The body as UTF-8 text.
     *
     * @throws ProbeFailure "health body is not text: invalid UTF-8 at byte 0"
     */
    public static String text(byte[] body, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ProbeFailure(what + " body is not text: invalid UTF-8 at byte " + in.position(), false);
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true; // something that is not even a token
        }
    }

    private static long skipWhiteSpace(byte[] body, long from) {
        int i = (int) Math.max(0, from);
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static ProbeFailure invalid(String what, long offset, String reason) {
        return new ProbeFailure(what + " body is not valid JSON at byte " + offset + ": " + reason, false);
    }

    private static long offset(JsonLocation at, JsonParser parser, byte[] body) {
        long offset = at != null && at.getByteOffset() >= 0 ? at.getByteOffset() : parser.currentLocation().getByteOffset();
        return Math.max(0, Math.min(offset, body.length));
    }

    /** The parser notices a repeated field after its name; point at the name's opening quote instead. */
    private static long nameStart(byte[] body, long after) {
        int i = (int) Math.min(after, body.length) - 1;
        while (i >= 0 && body[i] != '"') {
            i--; // the colon and white space after the name
        }
        for (i--; i >= 0; i--) {
            if (body[i] == '"' && (i == 0 || body[i - 1] != '\\')) {
                return i;
            }
        }
        return after;
    }

    private static boolean isDuplicate(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field");
    }

    /** Our own words, never the parser's message: it quotes bytes from the body. */
    private static String reason(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "the document ends early";
        }
        if (e instanceof StreamConstraintsException) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (isDuplicate(e)) {
            return "a field appears twice";
        }
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("UTF-8") || m.contains("UTF8")) {
            return "invalid UTF-8";
        }
        if (m.contains("end-of-input")) {
            return "the document ends early";
        }
        if (m.contains("control character") || m.contains("CTRL-CHAR")) {
            return "an unescaped control character in a string";
        }
        return "unexpected character";
    }
}
