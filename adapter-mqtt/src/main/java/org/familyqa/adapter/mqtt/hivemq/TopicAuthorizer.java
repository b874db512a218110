package org.familyqa.adapter.mqtt.hivemq;

import java.util.Optional;

import org.familyqa.domain.mqtt.BrokerAccount;
import org.familyqa.domain.mqtt.TopicAccessPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;

/**
 * Applies {@link TopicAccessPolicy} to subscriptions and to the publishes that reach the authorizer.
 *
 * <p>One object serves both roles because the broker keeps only the last authorizer provider. A refused publish here
 * ends the client's connection, so ordinary publishes are refused earlier, in {@link PublishAccessInterceptors},
 * which keeps the client connected; this check then only sees allowed publishes and will messages, whose refusal
 * rejects the CONNECT.
 */
final class TopicAuthorizer implements SubscriptionAuthorizer, PublishAuthorizer {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAuthorizer.class);

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        Optional<BrokerAccount> account =
                ConnectionAccount.account(input.getConnectionInformation().getConnectionAttributeStore());
        String filter = input.getSubscription().getTopicFilter();
        if (account.isPresent() && TopicAccessPolicy.maySubscribe(account.get(), filter)) {
            output.authorizeSuccessfully();
            return;
        }
        LOG.warn("Rejected subscription of client {} to {}", input.getClientInformation().getClientId(), filter);
        output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not authorized to subscribe to " + filter);
    }

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
        Optional<BrokerAccount> account =
                ConnectionAccount.account(input.getConnectionInformation().getConnectionAttributeStore());
        String topic = input.getPublishPacket().getTopic();
        if (account.isPresent() && TopicAccessPolicy.mayPublish(account.get(), topic)) {
            output.authorizeSuccessfully();
            return;
        }
        LOG.warn("Rejected publish or will of client {} on {}", input.getClientInformation().getClientId(), topic);
        output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not authorized to publish on " + topic);
    }
}
