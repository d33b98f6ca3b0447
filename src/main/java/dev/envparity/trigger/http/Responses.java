package dev.envparity.trigger.http;

import jakarta.ws.rs.core.Response;

/** A route's {@link HttpAnswer} as a JAX-RS response. */
final class Responses {
    private Responses() {
    }

    static Response of(HttpAnswer answer) {
        Response.ResponseBuilder r = Response.status(answer.status()).type(answer.contentType()).entity(answer.body());
        answer.headers().forEach(r::header);
        return r.build();
    }
}
