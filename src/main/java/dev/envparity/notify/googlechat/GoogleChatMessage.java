package dev.envparity.notify.googlechat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A Google Chat message with a cardsV2 card (spaces.messages.create). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoogleChatMessage(String text, List<CardWithId> cardsV2) {

    @RegisterForReflection
    public record CardWithId(String cardId, Card card) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(Header header, List<Section> sections) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Header(String title, String subtitle) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(String header, List<Widget> widgets) {
    }

    /** A decoratedText or a textParagraph widget; only one is set. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Widget(DecoratedText decoratedText, TextParagraph textParagraph) {
        static Widget decorated(String topLabel, String text) {
            return new Widget(new DecoratedText(topLabel, text, true), null);
        }

        static Widget paragraph(String text) {
            return new Widget(null, new TextParagraph(text));
        }
    }

    @RegisterForReflection
    public record DecoratedText(String topLabel, String text, boolean wrapText) {
    }

    @RegisterForReflection
    public record TextParagraph(String text) {
    }
}
