package dev.envparity.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.envparity.config.AwsSettings;

/** One set of AWS clients per process, closed with it. Nothing is built until a store or launcher calls AWS. */
@ApplicationScoped
public class AwsProducer {

    @Produces
    @Singleton
    AwsClients clients(AwsSettings settings) {
        return new AwsClients(settings);
    }

    void close(@Disposes AwsClients clients) {
        clients.close();
    }
}
