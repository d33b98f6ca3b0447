package dev.envparity.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON body of a webhook answer: {"status": "accepted|ignored|duplicate|pong", …}.
 *
 * @param reason why it was ignored; null otherwise
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HookAnswer(String status, String reason, String service, String environment, String version, String commit) {

    static HookAnswer of(String status, String reason) {
        return new HookAnswer(status, reason, null, null, null, null);
    }
}
