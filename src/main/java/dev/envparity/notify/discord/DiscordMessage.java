package dev.envparity.notify.discord;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Discord "Execute Webhook" body: https://discord.com/developers/docs/resources/webhook#execute-webhook */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscordMessage(String username, String content, List<Embed> embeds,
        @JsonProperty("allowed_mentions") AllowedMentions allowedMentions) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Embed(String title, String description, int color, List<Field> fields, Footer footer, String timestamp) {
    }

    @RegisterForReflection
    public record Field(String name, String value, boolean inline) {
    }

    @RegisterForReflection
    public record Footer(String text) {
    }

    /**
     * {"parse": []}: no text pings anyone; {@code roles} lists exactly the configured owners' roles this message
     * mentions (https://discord.com/developers/docs/resources/message#allowed-mentions-object).
     */
    @RegisterForReflection
    public record AllowedMentions(List<String> parse, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> roles) {
    }
}
