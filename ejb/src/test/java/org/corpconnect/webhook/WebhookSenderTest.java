package org.corpconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.corpconnect.exchange.outbound.CheckedSockets;
import org.corpconnect.exchange.outbound.OutboundRefused;
import org.junit.jupiter.api.Test;

/** What the delivery log tells an account's admin about an attempt without an answer. */
class WebhookSenderTest {

    @Test
    void anAddressTheServerMayNotCallReadsLikeOneItCouldNotReach() {
        assertTrue(ConnectException.class.isAssignableFrom(CheckedSockets.RefusedConnection.class),
                "the allow-list's refusal reaches the sender as a failed connect");
        assertEquals(OutboundRefused.SENTENCE, WebhookSender.reason(new ConnectException("Connection refused")));
        assertEquals(OutboundRefused.SENTENCE, WebhookSender.reason(new UnknownHostException("hooks.invalid")));
    }

    @Test
    void aSlowEndpointIsToldApartWithoutItsAddress() {
        String reason = WebhookSender.reason(new SocketTimeoutException("Read timed out from 10.0.0.7"));

        assertEquals("No answer within the timeout (webhooks.timeout-seconds).", reason);
    }
}
