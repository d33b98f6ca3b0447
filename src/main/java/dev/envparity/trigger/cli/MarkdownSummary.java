package dev.envparity.trigger.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.envparity.report.MarkdownRenderer;
import dev.envparity.report.ParityReport;

/** {@code check --markdown FILE}: the report as a Markdown summary in FILE, replacing what it held. */
final class MarkdownSummary {
    private final String file;

    MarkdownSummary(String file) {
        this.file = file;
    }

    /** Empties the file now, so that a path that cannot be written stops the check before it starts. */
    boolean prepare() {
        return write("");
    }

    boolean write(ParityReport report) {
        return write(MarkdownRenderer.render(report));
    }

    private boolean write(String text) {
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException | InvalidPathException e) {
            System.err.println("envparity: cannot write the Markdown summary to " + file + " (" + reason(e) + ")");
            return false;
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getClass().getSimpleName();
    }
}
