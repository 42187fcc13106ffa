package org.corpconnect.exchange.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.exchange.WatchCallback;
import org.corpconnect.exchange.WatchNotice;
import org.junit.jupiter.api.Test;

/** Graph's callbacks (the examples of change-notifications-delivery-webhooks.md and -lifecycle-events.md) as the gateway reads them. */
class GraphSubscriptionsTest {

    private final Jsonb json = JsonbBuilder.create();

    @Test
    void theValidationRequestIsAHandshakeWhoseTokenGoesBack() {
        assertEquals(Optional.of(new WatchCallback.Handshake("Validation: Testing client application reachability")),
                GraphSubscriptions.read(Map.of("validationToken", "Validation: Testing client application reachability"), "", json));
    }

    @Test
    void changeAndLifecycleNotificationsBecomeNoticesWithTheirClientState() {
        String body = """
                {"value":[
                  {"id":"lsgTZMr9KwAAA","subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
                   "subscriptionExpirationDateTime":"2026-12-09T10:00:00.0000000Z","clientState":"secretClientValue",
                   "changeType":"updated","resource":"Users/a1b2/Events/AAMkADN","tenantId":"84bd8158-6d4d-4958-8b9f-9d6445542f95",
                   "resourceData":{"@odata.type":"#Microsoft.Graph.Event","@odata.id":"Users/a1b2/Events/AAMkADN","id":"AAMkADN"}},
                  {"subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07","lifecycleEvent":"missed",
                   "subscriptionExpirationDateTime":"2026-12-09T10:00:00.0000000Z","tenantId":"84bd8158-6d4d-4958-8b9f-9d6445542f95"},
                  {"subscriptionId":"s2","clientState":"c2","lifecycleEvent":"subscriptionRemoved"},
                  {"subscriptionId":"s3","clientState":"c3","lifecycleEvent":"reauthorizationRequired"},
                  {"subscriptionId":"s4","clientState":"c4","lifecycleEvent":"someEventGraphAddsLater"}
                ]}""";

        WatchCallback read = GraphSubscriptions.read(Map.of(), body, json).orElseThrow();

        assertEquals(new WatchCallback.Notices(List.of(
                new WatchNotice("7f105c7d-2dc5-4530-97cd-4e7ae6534c07", Optional.of("secretClientValue"), WatchNotice.Kind.CHANGED),
                new WatchNotice("7f105c7d-2dc5-4530-97cd-4e7ae6534c07", Optional.empty(), WatchNotice.Kind.RESYNC_NEEDED),
                new WatchNotice("s2", Optional.of("c2"), WatchNotice.Kind.REMOVED),
                new WatchNotice("s3", Optional.of("c3"), WatchNotice.Kind.RENEWAL_NEEDED))), read);
    }

    @Test
    void whatIsNotANotificationIsNotRead() {
        assertTrue(GraphSubscriptions.read(Map.of(), "", json).isEmpty());
        assertTrue(GraphSubscriptions.read(Map.of(), "not json", json).isEmpty());
        assertTrue(GraphSubscriptions.read(Map.of(), "{\"other\":1}", json).isEmpty());
        assertTrue(GraphSubscriptions.read(Map.of(), "{\"value\":[{\"changeType\":\"updated\"}]}", json).isEmpty(),
                "no subscription id");
        assertTrue(GraphSubscriptions.read(Map.of(), "{\"value\":[{\"subscriptionId\":\"s\"}]}", json).isEmpty(),
                "neither a change nor a lifecycle event");
    }
}
