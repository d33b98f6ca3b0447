package dev.envparity.report;

import java.util.regex.Pattern;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Who owns a service, from configuration: a display name, and for each chat platform the id a digest mentions. The
 * ids are checked against the platform's own form here, whoever builds an owner, so that a formatter can turn them
 * into live mention markup: nothing else about them needs escaping.
 *
 * @param slack a user group ({@code S…}, mentioned as {@code <!subteam^S…>}) or a user ({@code U…}/{@code W…},
 *        {@code <@U…>}); https://api.slack.com/reference/surfaces/formatting#mentioning-users
 * @param discord a role id (a snowflake), mentioned as {@code <@&id>};
 *        https://discord.com/developers/docs/reference#message-formatting
 * @param mattermost a user or group name, mentioned as {@code @name};
 *        https://docs.mattermost.com/collaborate/mention-people.html
 * @param googleChat {@code users/<numeric id>} or {@code users/all}, mentioned as {@code <users/…>};
 *        https://developers.google.com/workspace/chat/format-messages#messages-@mention
 */
@RegisterForReflection
public record Owner(String name, String slack, String discord, String mattermost, String googleChat) {

    public static final Pattern SLACK = Pattern.compile("[SUW][A-Z0-9]{2,20}");
    public static final Pattern DISCORD = Pattern.compile("[0-9]{15,21}");
    public static final Pattern MATTERMOST = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final Pattern GOOGLE_CHAT = Pattern.compile("users/([0-9]{1,30}|all)");

    public Owner {
        check("slack", slack, SLACK);
        check("discord", discord, DISCORD);
        check("mattermost", mattermost, MATTERMOST);
        check("google-chat", googleChat, GOOGLE_CHAT);
    }

    private static void check(String platform, String id, Pattern form) {
        if (id != null && !form.matcher(id).matches()) {
            throw new IllegalArgumentException("not a " + platform + " mention id");
        }
    }

    /** The same owner under another name (the name made printable or escaped); the ids stay as they are. */
    public Owner named(String other) {
        return new Owner(other, slack, discord, mattermost, googleChat);
    }
}
