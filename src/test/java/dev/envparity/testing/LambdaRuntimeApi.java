package dev.envparity.testing;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.envparity.testing.StubServer.Reply;

/**
 * A loopback stand-in for the AWS Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html):
 * the function (the runtime interface client with the JVM build, Quarkus' own loop in the native executable) polls
 * {@code /invocation/next}, gets the given events in order, each with request id {@code event-<n>}, and posts each
 * answer; once the events are handed out, the next poll waits until the stand-in stops.
 */
public final class LambdaRuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime";
    private final StubServer server = StubServer.http();
    private final ConcurrentLinkedQueue<String[]> events = new ConcurrentLinkedQueue<>();

    public LambdaRuntimeApi(List<String> events) {
        for (int i = 0; i < events.size(); i++) {
            String id = "event-" + (i + 1);
            this.events.add(new String[] { id, events.get(i) });
            server.on(BASE + "/invocation/" + id + "/response", Reply.json(202, "{\"status\":\"OK\"}"));
            server.on(BASE + "/invocation/" + id + "/error", Reply.json(202, "{\"status\":\"OK\"}"));
        }
        server.on(BASE + "/init/error", Reply.json(202, "{\"status\":\"OK\"}"));
        server.on(BASE + "/invocation/next", request -> {
            String[] next = this.events.poll();
            if (next == null) {
                return Reply.hang();
            }
            return Reply.json(200, next[1]).header("Lambda-Runtime-Aws-Request-Id", next[0])
                    .header("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 900_000))
                    .header("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:123456789012:function:envparity:live")
                    .header("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        });
    }

    /** For AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.port();
    }

    /**
     * The function's answer to event {@code n} (from 1), waiting for it; fails with what the function reported when it
     * reported an error instead, or with {@code log} when it never answers.
     */
    public String answer(int n, Supplier<String> log) {
        String id = "event-" + n;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<StubServer.Request> answers = server.requests(BASE + "/invocation/" + id + "/response");
            if (!answers.isEmpty()) {
                return answers.get(0).body();
            }
            List<StubServer.Request> errors = new java.util.ArrayList<>(server.requests(BASE + "/invocation/" + id + "/error"));
            errors.addAll(server.requests(BASE + "/init/error"));
            if (!errors.isEmpty()) {
                throw new AssertionError("the function reported an error for " + id + ": " + errors.get(0).body() + "\n" + log.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the function did not answer " + id + " in 120 s:\n" + log.get());
    }

    @Override
    public void close() {
        server.close();
    }
}
