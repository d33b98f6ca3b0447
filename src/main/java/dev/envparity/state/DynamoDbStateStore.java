package dev.envparity.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.envparity.aws.AwsClient;
import dev.envparity.aws.AwsException;

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
 * conditions, since TTL deletes lazily (and local stand-ins have no TTL at all).
 */
public class DynamoDbStateStore implements StateStore, DeliveryLog, DeployQueue, SessionStore {
    private static final Logger LOG = Logger.getLogger(DynamoDbStateStore.class);
    private static final String TARGET = "DynamoDB_20120810.";
    private static final Duration PENDING_LIFETIME = Duration.ofHours(1);

    private final AwsClient aws;
    private final String table;
    private final ObjectMapper json;
    private final Clock clock;

    public DynamoDbStateStore(AwsClient aws, String table, ObjectMapper json, Clock clock) {
        this.aws = aws;
        this.table = table;
        this.json = json;
        this.clock = clock;
    }

    /** A read error is an error, not an empty state: the next write would lose to the stored version. */
    @Override
    public TargetState load(String target) {
        JsonNode item;
        try {
            item = call("GetItem", request().set("Key", key("state#" + target))).path("Item");
        } catch (AwsException e) {
            throw new StateStoreException("cannot read the notification state of " + target + " from DynamoDB table "
                    + table + " (" + e.getMessage() + ")", e);
        }
        if (item.isMissingNode()) {
            return TargetState.EMPTY;
        }
        long version = item.at("/version/N").asLong(0);
        try {
            TargetState state = json.readValue(item.at("/state/S").asText(), TargetState.class);
            if (state != null && state.services() != null && state.version() == version) {
                return state;
            }
        } catch (IOException e) {
            // reported below
        }
        // Empty, but at the stored version, so that the next write replaces the damaged item.
        LOG.warnf("The notification state of %s in DynamoDB table %s is unreadable; starting from an empty state", target, table);
        return new TargetState(version, Map.of(), null);
    }

    @Override
    public boolean compareAndSet(String target, long expectedVersion, TargetState next) {
        ObjectNode item = key("state#" + target);
        item.set("version", n(next.version()));
        item.set("state", s(write(next)));
        ObjectNode request = request();
        request.set("Item", item);
        if (expectedVersion == 0) {
            request.put("ConditionExpression", "attribute_not_exists(pk) OR #v = :zero");
            request.set("ExpressionAttributeValues", json.createObjectNode().set(":zero", n(0)));
        } else {
            request.put("ConditionExpression", "#v = :expected");
            request.set("ExpressionAttributeValues", json.createObjectNode().set(":expected", n(expectedVersion)));
        }
        request.set("ExpressionAttributeNames", json.createObjectNode().put("#v", "version"));
        try {
            return conditional("PutItem", request);
        } catch (AwsException e) {
            throw new StateStoreException("cannot write the notification state of " + target + " to DynamoDB table "
                    + table + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Optional<Claim> claim(String id, Instant expiresAt) {
        Claim claim = new Claim(id, UUID.randomUUID().toString());
        ObjectNode item = key("delivery#" + id);
        item.set("expiresAt", n(expiresAt.getEpochSecond()));
        item.set("holder", s(claim.holder()));
        ObjectNode request = request();
        request.set("Item", item);
        request.put("ConditionExpression", "attribute_not_exists(pk) OR expiresAt < :now");
        request.set("ExpressionAttributeValues", json.createObjectNode().set(":now", n(clock.instant().getEpochSecond())));
        return conditional("PutItem", request) ? Optional.of(claim) : Optional.empty();
    }

    @Override
    public void release(Claim claim) {
        ObjectNode request = request();
        request.set("Key", key("delivery#" + claim.id()));
        request.put("ConditionExpression", "holder = :holder");
        request.set("ExpressionAttributeValues", json.createObjectNode().set(":holder", s(claim.holder())));
        conditional("DeleteItem", request); // false: the claim expired and someone else holds the id now
    }

    @Override
    public boolean offer(PendingDeploy deploy) {
        // Create it if nothing waits; else update what waits. Retried if the waiting one is taken in between.
        for (int attempt = 0; attempt < 3; attempt++) {
            ObjectNode item = key("deploy#" + deploy.key());
            item.set("deploy", s(write(deploy)));
            item.set("expiresAt", n(clock.instant().plus(PENDING_LIFETIME).getEpochSecond()));
            ObjectNode create = request();
            create.set("Item", item);
            create.put("ConditionExpression", "attribute_not_exists(pk)");
            if (conditional("PutItem", create)) {
                return true;
            }
            ObjectNode update = request();
            update.set("Key", key("deploy#" + deploy.key()));
            update.put("UpdateExpression", "SET latest = :latest ADD merged :one");
            update.put("ConditionExpression", "attribute_exists(pk)");
            ObjectNode values = json.createObjectNode();
            values.set(":latest", s(write(deploy)));
            values.set(":one", n(deploy.events()));
            update.set("ExpressionAttributeValues", values);
            if (conditional("UpdateItem", update)) {
                return false;
            }
        }
        throw new AwsException("dynamodb", 0, "Contention", "the pending deploy " + deploy.key() + " kept changing");
    }

    @Override
    public Optional<PendingDeploy> take(String key) {
        ObjectNode request = request();
        request.set("Key", key("deploy#" + key));
        request.put("ReturnValues", "ALL_OLD");
        JsonNode old = call("DeleteItem", request).path("Attributes");
        if (old.isMissingNode() || old.isEmpty()) {
            return Optional.empty();
        }
        try {
            PendingDeploy first = json.readValue(old.at("/deploy/S").asText(), PendingDeploy.class);
            if (!old.has("latest")) {
                return Optional.of(first);
            }
            PendingDeploy latest = json.readValue(old.at("/latest/S").asText(), PendingDeploy.class);
            int merged = old.at("/merged/N").asInt(0);
            return Optional.of(new PendingDeploy(first.service(), first.environment(), latest.version(), latest.commit(),
                    latest.source(), first.firstReceivedAt(), first.events() + merged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void putSession(String key, Session session) {
        ObjectNode item = key("session#" + key);
        item.set("binding", s(session.binding()));
        item.set("expiresAt", n(session.expiresAt().getEpochSecond()));
        call("PutItem", request().set("Item", item));
    }

    @Override
    public Optional<Session> session(String key) {
        ObjectNode request = request();
        request.set("Key", key("session#" + key));
        request.put("ConsistentRead", true); // a sign-out on another instance counts at once
        JsonNode item = call("GetItem", request).path("Item");
        if (item.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new Session(item.at("/binding/S").asText(), Instant.ofEpochSecond(item.at("/expiresAt/N").asLong())));
    }

    @Override
    public void removeSession(String key) {
        call("DeleteItem", request().set("Key", key("session#" + key)));
    }

    private ObjectNode request() {
        return json.createObjectNode().put("TableName", table);
    }

    private ObjectNode key(String pk) {
        ObjectNode k = json.createObjectNode();
        k.set("pk", s(pk));
        return k;
    }

    private JsonNode s(String value) {
        return json.createObjectNode().put("S", value);
    }

    private JsonNode n(long value) {
        return json.createObjectNode().put("N", Long.toString(value));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode call(String operation, ObjectNode request) {
        return aws.call("dynamodb", TARGET + operation, "1.0", request);
    }

    /** @return false when the condition failed: another writer came first */
    private boolean conditional(String operation, ObjectNode request) {
        try {
            call(operation, request);
            return true;
        } catch (AwsException e) {
            if (e.type().equals("ConditionalCheckFailedException")) {
                return false;
            }
            throw e;
        }
    }
}
