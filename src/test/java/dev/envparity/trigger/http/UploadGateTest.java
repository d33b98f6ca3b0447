package dev.envparity.trigger.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Past either bound the oldest uploads give way; a newcomer is never refused. */
class UploadGateTest {
    private final List<String> evicted = new ArrayList<>();

    private UploadGate.Upload upload(String name) {
        return () -> evicted.add(name);
    }

    @Test
    void pastTheCountTheOldestGivesWay() {
        UploadGate gate = new UploadGate(2, 1000);
        UploadGate.Upload a = upload("a");
        UploadGate.Upload b = upload("b");
        gate.admit(a);
        gate.admit(b);
        gate.leave(a); // received: no longer counts
        gate.admit(upload("c"));
        assertEquals(List.of(), evicted);
        gate.admit(upload("d"));
        assertEquals(List.of("b"), evicted);
        assertEquals(2, gate.inFlight());
    }

    @Test
    void pastTheBytesTheOldestGiveWayUntilUnder() {
        UploadGate gate = new UploadGate(10, 100);
        UploadGate.Upload a = upload("a");
        UploadGate.Upload b = upload("b");
        UploadGate.Upload c = upload("c");
        gate.admit(a);
        gate.admit(b);
        gate.admit(c);
        gate.received(a, 40);
        gate.received(b, 40);
        gate.received(c, 10);
        assertEquals(List.of(), evicted);
        gate.received(c, 60); // 150 held: a (40) and b (40) go, c's 70 fit
        assertEquals(List.of("a", "b"), evicted);
        gate.received(a, 1000); // an evicted upload's late bytes are not counted
        gate.leave(c);
        UploadGate.Upload d = upload("d");
        gate.admit(d);
        gate.received(d, 100);
        assertEquals(List.of("a", "b"), evicted, "everything that left was subtracted");
    }
}
