package dev.envparity.aws;

import java.util.ServiceLoader;
import java.util.Set;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import software.amazon.awssdk.core.ClientType;
import software.amazon.awssdk.core.warmup.SdkWarmUpProvider;

/**
 * Lambda SnapStart, through the CRaC API the Java runtimes implement
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html):
 * <ul>
 * <li>before the snapshot, the SDK clients envparity uses are primed — built and run through a request with the
 * SDK's canned-response HTTP client and anonymous credentials, so no call leaves the process and neither credentials
 * nor configuration enter the snapshot;</li>
 * <li>after each restore, every secret read before it is forgotten ({@link SecretReferences#forget()}): the
 * configuration, read after the restore (quarkus.snapstart.full-warmup is off), fetches them anew.</li>
 * </ul>
 * Registered while the configuration is first built (Quarkus' static initialisation, part of every snapshot);
 * elsewhere the hooks never run.
 */
final class SnapStartHooks implements Resource {
    private static final Logger LOG = Logger.getLogger(SnapStartHooks.class);
    private static final Set<String> PRIMED = Set.of("software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.ssm.SsmClient", "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient",
            "software.amazon.awssdk.services.lambda.LambdaClient");
    /** CRaC holds resources weakly. */
    private static final SnapStartHooks INSTANCE = new SnapStartHooks();

    static {
        Core.getGlobalContext().register(INSTANCE);
    }

    /** Loads the class, which registers the hooks once. */
    static void register() {
        // the static initialiser did it
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        int primed = prime();
        LOG.debugf("SnapStart: %d AWS SDK clients primed before the snapshot", primed);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        SecretReferences.forget();
    }

    /** @return how many clients were primed; a failure only costs the priming, never the snapshot */
    static int prime() {
        int primed = 0;
        for (SdkWarmUpProvider provider : ServiceLoader.load(SdkWarmUpProvider.class, SnapStartHooks.class.getClassLoader())) {
            if (PRIMED.contains(provider.syncClientClassName())) {
                try {
                    provider.warmUpClient(ClientType.SYNC);
                    primed++;
                } catch (RuntimeException e) {
                    LOG.debugf("SnapStart: priming %s failed: %s", provider.syncClientClassName(), e);
                }
            }
        }
        return primed;
    }
}
