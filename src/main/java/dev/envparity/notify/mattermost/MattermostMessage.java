package dev.envparity.notify.mattermost;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A Mattermost incoming-webhook post with Slack-style attachments. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MattermostMessage(String username, String text, List<Attachment> attachments) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(String fallback, String color, String title, String text, List<Field> fields, String footer) {
    }

    @RegisterForReflection
    public record Field(String title, String value, @JsonProperty("short") boolean isShort) {
    }
}
