package dev.envparity.notify.console;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.notify.Digest;
import dev.envparity.notify.DigestMarkdown;
import dev.envparity.notify.Notifier;
import dev.envparity.notify.Target;
import dev.envparity.notify.WebhookSender;
import dev.envparity.report.ParityReport;

/**
 * Prints the digest as Markdown on stderr instead of posting it: to see what a team would get (the demo uses
 * it), or to keep digests in a log. stdout stays the report's.
 */
@ApplicationScoped
public class ConsoleNotifier implements Notifier<String> {
    private final PrintStream out;

    public ConsoleNotifier() {
        this(System.err);
    }

    ConsoleNotifier(PrintStream out) {
        this.out = out;
    }

    @Override
    public String type() {
        return "console";
    }

    @Override
    public boolean needsUrl() {
        return false;
    }

    @Override
    public String payload(Digest digest, ParityReport report) {
        return DigestMarkdown.render(digest);
    }

    @Override
    public CompletableFuture<WebhookSender.Delivery> deliver(Target target, Digest digest, ParityReport report,
            WebhookSender sender, ObjectMapper json, long deadlineNanos) {
        synchronized (out) {
            out.println();
            out.println("── message for " + target.name() + " (" + type() + ") ──");
            out.print(payload(digest, report));
            out.flush();
        }
        return CompletableFuture.completedFuture(new WebhookSender.Delivery(true, 1, 0, null));
    }
}
