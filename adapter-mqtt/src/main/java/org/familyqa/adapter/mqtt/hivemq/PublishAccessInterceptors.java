package org.familyqa.adapter.mqtt.hivemq;

import java.util.Optional;

import org.familyqa.domain.mqtt.BrokerAccount;
import org.familyqa.domain.mqtt.TopicAccessPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.client.ClientContext;
import com.hivemq.extension.sdk.api.client.parameter.InitializerInput;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.services.intializer.ClientInitializer;

/**
 * Per-connection interceptors that stop publishes an account may not send and deliveries it may not receive.
 *
 * <p>Stopping a publish here, rather than in the publish authorizer, answers an MQTT 5 client with PUBACK 0x87
 * (not authorized) and keeps it connected. An MQTT 3.1.1 PUBACK carries no reason code and the broker would close
 * the connection instead, so an MQTT 3 client gets a normal PUBACK. Either way a family's client also gets an
 * {@code unauthorized} error on its own errors topic. The delivery check confines a family to its own prefix even if it resumes a session that another
 * account created under the same client id.
 */
final class PublishAccessInterceptors implements ClientInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(PublishAccessInterceptors.class);

    private final RejectionNotices notices;

    PublishAccessInterceptors(RejectionNotices notices) {
        this.notices = notices;
    }

    @Override
    public void initialize(InitializerInput input, ClientContext context) {
        Optional<BrokerAccount> account =
                ConnectionAccount.account(input.getConnectionInformation().getConnectionAttributeStore());
        String clientId = input.getClientInformation().getClientId();
        context.addPublishInboundInterceptor(inbound(account, clientId));
        context.addPublishOutboundInterceptor(outbound(account));
    }

    private PublishInboundInterceptor inbound(Optional<BrokerAccount> account, String clientId) {
        return (publishInput, publishOutput) -> {
            String topic = publishInput.getPublishPacket().getTopic();
            if (account.isPresent() && TopicAccessPolicy.mayPublish(account.get(), topic)) {
                return;
            }
            // Logged at DEBUG because a misconfigured device repeats this for every message.
            LOG.debug("Dropped publish of client {} on {}: not authorized", clientId, topic);
            if (publishInput.getConnectionInformation().getMqttVersion() == MqttVersion.V_5) {
                publishOutput.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, "not authorized to publish on "
                        + topic);
            } else {
                publishOutput.preventPublishDelivery();
            }
            account.ifPresent(rejected -> notices.publishRejected(rejected, topic));
        };
    }

    private static PublishOutboundInterceptor outbound(Optional<BrokerAccount> account) {
        return (publishInput, publishOutput) -> {
            if (account.isEmpty() || !mayReceive(account.get(), publishInput.getPublishPacket().getTopic())) {
                publishOutput.preventPublishDelivery();
            }
        };
    }

    private static boolean mayReceive(BrokerAccount account, String topic) {
        if (account instanceof BrokerAccount.Family family) {
            return topic.startsWith(family.prefix().value() + "/");
        }
        return true;
    }
}
