package org.familyqa.domain.mqtt;

import java.util.Objects;

/** Whose broker connection a permission check is for. */
public sealed interface BrokerAccount {

    /** A family's account, confined to the family's prefix. */
    record Family(TopicPrefix prefix) implements BrokerAccount {
        public Family {
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    /** The server's own account, which serves every family. */
    record Server() implements BrokerAccount {
    }
}
