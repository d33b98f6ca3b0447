package dev.envparity.state;

import static dev.envparity.state.Items.key;
import static dev.envparity.state.Items.n;
import static dev.envparity.state.Items.number;
import static dev.envparity.state.Items.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * State shared by every Lambda invocation, in one DynamoDB table keyed by {@code pk} (string):
 * <ul>
 * <li>{@code state#<target>} — what a chat target was told, with a {@code version} that every write is
 * conditional on, so two overlapping invocations never both post the same change;</li>
 * <li>{@code delivery#<provider:id>} — a webhook delivery id, written only if absent or expired, with a random
 * {@code holder} so that a claim whose verification could not start is deleted by its own holder only;</li>
 * <li>{@code deploy#<service/environment>} — a deploy waiting for verification: the first webhook creates it,
 * later ones update it, the verification deletes it and reads what it held;</li>
 * <li>{@code session#<sha-256 of the id>} — a dashboard session: the API token it is bound to and its expiry.</li>
 * </ul>
 * Items that expire carry {@code expiresAt} (epoch seconds) for the table's TTL; expiry is also checked in the
 * conditions, since TTL deletes lazily (and local stand-ins have no TTL at all). Calls go through the AWS SDK's
 * DynamoDB client; its failures ({@link SdkException}) name the operation.
 */
public class DynamoDbStateStore implements StateStore, DeliveryLog, DeployQueue, SessionStore {
    private static final Logger LOG = Logger.getLogger(DynamoDbStateStore.class);
    private static final Duration PENDING_LIFETIME = Duration.ofHours(1);
    private static final int OFFER_ATTEMPTS = 3;

    private final Supplier<DynamoDbClient> dynamo;
    private final String table;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param dynamo built on first use (the client resolves its region and credentials then) */
    public DynamoDbStateStore(Supplier<DynamoDbClient> dynamo, String table, ObjectMapper json, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.json = json;
        this.clock = clock;
    }

    /** A read error is an error, not an empty state: the next write would lose to the stored version. */
    @Override
    public TargetState load(String target) {
        Map<String, AttributeValue> item;
        try {
            item = dynamo.get().getItem(r -> r.tableName(table).key(key("state#" + target))).item();
        } catch (SdkException e) {
            throw new StateStoreException("cannot read the notification state of " + target + " from DynamoDB table "
                    + table + " (" + e.getMessage() + ")", e);
        }
        if (item == null || item.isEmpty()) {
            return TargetState.EMPTY;
        }
        long version = number(item, "version");
        try {
            TargetState state = json.readValue(text(item, "state"), TargetState.class);
            if (state != null && state.services() != null && state.version() == version) {
                return state;
            }
        } catch (IOException | IllegalArgumentException e) {
            // reported below
        }
        // Empty, but at the stored version, so that the next write replaces the damaged item.
        LOG.warnf("The notification state of %s in DynamoDB table %s is unreadable; starting from an empty state", target, table);
        return new TargetState(version, Map.of(), null);
    }

    @Override
    public boolean compareAndSet(String target, long expectedVersion, TargetState next) {
        Map<String, AttributeValue> item = key("state#" + target);
        item.put("version", n(next.version()));
        item.put("state", s(write(next)));
        String condition = expectedVersion == 0 ? "attribute_not_exists(pk) OR #v = :expected" : "#v = :expected";
        try {
            return conditionally(() -> dynamo.get().putItem(r -> r.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))));
        } catch (SdkException e) {
            throw new StateStoreException("cannot write the notification state of " + target + " to DynamoDB table "
                    + table + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Optional<Claim> claim(String id, Instant expiresAt) {
        Claim claim = new Claim(id, UUID.randomUUID().toString());
        Map<String, AttributeValue> item = key("delivery#" + id);
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        item.put("holder", s(claim.holder()));
        boolean claimed = conditionally(() -> dynamo.get().putItem(r -> r.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", n(clock.instant().getEpochSecond())))));
        return claimed ? Optional.of(claim) : Optional.empty();
    }

    @Override
    public void release(Claim claim) {
        // false: the claim expired and someone else holds the id now
        conditionally(() -> dynamo.get().deleteItem(r -> r.tableName(table).key(key("delivery#" + claim.id()))
                .conditionExpression("holder = :holder").expressionAttributeValues(Map.of(":holder", s(claim.holder())))));
    }

    @Override
    public boolean offer(PendingDeploy deploy) {
        // Create it if nothing waits; else update what waits. Retried if the waiting one is taken in between.
        for (int attempt = 0; attempt < OFFER_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = key("deploy#" + deploy.key());
            item.put("deploy", s(write(deploy)));
            item.put("expiresAt", n(clock.instant().plus(PENDING_LIFETIME).getEpochSecond()));
            if (conditionally(() -> dynamo.get().putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")))) {
                return true;
            }
            if (conditionally(() -> dynamo.get().updateItem(r -> r.tableName(table).key(key("deploy#" + deploy.key()))
                    .updateExpression("SET latest = :latest ADD merged :one").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":latest", s(write(deploy)), ":one", n(deploy.events())))))) {
                return false;
            }
        }
        throw new StateStoreException("the pending deploy " + deploy.key() + " in DynamoDB table " + table
                + " kept changing (" + OFFER_ATTEMPTS + " attempts)", null);
    }

    @Override
    public Optional<PendingDeploy> take(String key) {
        Map<String, AttributeValue> old = dynamo.get().deleteItem(r -> r.tableName(table).key(key("deploy#" + key))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        if (old == null || old.isEmpty()) {
            return Optional.empty();
        }
        try {
            PendingDeploy first = json.readValue(text(old, "deploy"), PendingDeploy.class);
            if (!old.containsKey("latest")) {
                return Optional.of(first);
            }
            PendingDeploy latest = json.readValue(text(old, "latest"), PendingDeploy.class);
            int merged = (int) number(old, "merged");
            return Optional.of(new PendingDeploy(first.service(), first.environment(), latest.version(), latest.commit(),
                    latest.source(), first.firstReceivedAt(), first.events() + merged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void putSession(String key, Session session) {
        Map<String, AttributeValue> item = key("session#" + key);
        item.put("binding", s(session.binding()));
        item.put("expiresAt", n(session.expiresAt().getEpochSecond()));
        dynamo.get().putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public Optional<Session> session(String key) {
        // Consistent: a sign-out on another instance counts at once.
        Map<String, AttributeValue> item = dynamo.get().getItem(r -> r.tableName(table).key(key("session#" + key))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Session(text(item, "binding"), Instant.ofEpochSecond(number(item, "expiresAt"))));
    }

    @Override
    public void removeSession(String key) {
        dynamo.get().deleteItem(r -> r.tableName(table).key(key("session#" + key)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return false when the condition failed: another writer came first */
    private static boolean conditionally(Runnable call) {
        try {
            call.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
