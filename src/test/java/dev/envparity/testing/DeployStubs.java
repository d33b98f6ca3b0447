package dev.envparity.testing;

/** The servers a deploy-webhook test watches: the services' environments and a chat webhook. */
public record DeployStubs(StubServer environments, StubServer chat) {
}
