package dev.envparity.notify.teams;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The envelope a Teams Workflows webhook ("When a Teams webhook request is received" + "Post card") expects:
 * {@code type: message} with Adaptive Card attachments
 * (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#send-adaptive-cards-using-an-incoming-webhook).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamsMessage(String type, List<Attachment> attachments) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Attachment(String contentType, String contentUrl, AdaptiveCard content) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdaptiveCard(@JsonProperty("$schema") String schema, String type, String version,
            List<Element> body, Msteams msteams) {
    }

    /** Lets the card use the chat's full width. */
    @RegisterForReflection
    public record Msteams(String width) {
    }

    /** A TextBlock or a FactSet; only the fields of that type are set. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Element(String type, String text, String size, String weight, String color, Boolean isSubtle,
            Boolean wrap, String spacing, Boolean separator, List<Fact> facts) {

        static Element text(String text) {
            return new Element("TextBlock", text, null, null, null, null, true, null, null, null);
        }

        Element size(String s) {
            return new Element(type, text, s, weight, color, isSubtle, wrap, spacing, separator, facts);
        }

        Element bold() {
            return new Element(type, text, size, "Bolder", color, isSubtle, wrap, spacing, separator, facts);
        }

        Element color(String c) {
            return new Element(type, text, size, weight, c, isSubtle, wrap, spacing, separator, facts);
        }

        Element subtle() {
            return new Element(type, text, size, weight, color, true, wrap, spacing, separator, facts);
        }

        Element separated() {
            return new Element(type, text, size, weight, color, isSubtle, wrap, "Medium", true, facts);
        }

        static Element facts(List<Fact> facts) {
            return new Element("FactSet", null, null, null, null, null, null, null, null, facts);
        }
    }

    @RegisterForReflection
    public record Fact(String title, String value) {
    }
}
