package dev.envparity.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.envparity.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * dynalite (a local, in-memory DynamoDB on Node.js, src/test/dynalite) on an ephemeral port, started for a test
 * and stopped with it. It has no TTL and no transactions; the store relies on neither.
 */
public final class Dynalite implements AutoCloseable {
    private static final Path DIR = Path.of("src", "test", "dynalite");

    private final Process process;
    private final int port;
    private final AtomicInteger tables = new AtomicInteger();

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Dynalite start() {
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("dynalite"))) {
            throw new IllegalStateException("dynalite is not installed: the build runs `npm ci` in " + DIR + " (exec-maven-plugin)");
        }
        try {
            Process p = new ProcessBuilder("node", "server.mjs").directory(DIR.toFile()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("port ")) {
                p.destroyForcibly();
                throw new IllegalStateException("dynalite did not start: " + line);
            }
            return new Dynalite(p, Integer.parseInt(line.substring(5).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The SDK's DynamoDB client for this dynalite (it accepts any credentials); close it with the test. */
    public AwsClients clients() {
        return LocalAws.clients(Map.of("dynamodb", url()));
    }

    /** A new, empty table for one test ("<prefix>-1", "<prefix>-2", …): tests sharing this dynalite never meet. */
    public String newTable(DynamoDbClient dynamo, String prefix) {
        String name = prefix + "-" + tables.incrementAndGet();
        createTable(dynamo, name);
        return name;
    }

    /**
     * Creates the table as the CDK stack does (partition key pk, string; on demand) and waits until it is ACTIVE,
     * as the stack does: until then, reads and writes answer ResourceNotFoundException.
     */
    public void createTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        // Like DynamoDB, dynalite answers CreateTable while the table is still CREATING (even with createTableMs 0):
        // items can be written only once it is ACTIVE.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dynamo.describeTable(r -> r.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("dynalite did not make table " + name + " ACTIVE");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // server.mjs exits when its stdin ends
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
