package dev.envparity.web;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON body of every error answer: {"error": "…"}. */
@RegisterForReflection
public record ApiError(String error) {
}
