package dev.envparity.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record written while it is open, whichever library wrote it: JBoss Logging, Vert.x and Netty all end
 * in the JDK root logger under the JBoss LogManager the tests run with. Use in try-with-resources.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord r) {
        records.add(r);
    }

    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** "logger: message [parameters]" per record at {@code level} or above. */
    public List<String> lines(Level level) {
        return records().stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()
                        + (r.getParameters() == null ? "" : " " + java.util.Arrays.toString(r.getParameters())))
                .toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
