package dev.envparity.notify.slack;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A Slack incoming-webhook message in Block Kit. {@code text} is the notification and fallback text.
 * https://api.slack.com/reference/block-kit/blocks
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackMessage(String text, List<Block> blocks) {

    /** header, section, divider or context; only the fields of that type are set. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(String type, Text text, List<Text> elements) {
        static Block header(String plain) {
            return new Block("header", new Text("plain_text", plain, true), null);
        }

        static Block section(String mrkdwn) {
            return new Block("section", new Text("mrkdwn", mrkdwn, null), null);
        }

        static Block context(List<String> mrkdwn) {
            return new Block("context", null, mrkdwn.stream().map(t -> new Text("mrkdwn", t, null)).toList());
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Text(String type, String text, Boolean emoji) {
    }
}
