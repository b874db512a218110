package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.ports.in.MqttAccessUseCases.MqttCredentials;
import org.familyqa.ports.in.MqttAccessUseCases.MqttStatus;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.BrokerProbe;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.StoreUnavailableException;
import org.familyqa.ports.testing.TestData;

@ExtendWith(MockitoExtension.class)
class MqttAccessServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.000001Z");

    @Mock
    private FamilyRepository families;
    @Mock
    private MqttAccessRepository accessRecords;
    @Mock
    private BrokerAccounts broker;
    @Mock
    private BrokerProbe probe;

    private final SaltedSha256PasswordHasher hasher = new SaltedSha256PasswordHasher(new SecureRandom());
    private final Family family = TestData.family().build();
    private MqttAccessService service;

    @BeforeEach
    void createService() {
        service = new MqttAccessService(families, accessRecords, broker, probe, hasher,
                new Secrets(new SecureRandom()), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));
        lenient().when(families.findById(family.id())).thenReturn(Optional.of(family));
    }

    @Test
    void enableSetsBrokerFirstThenStoresHash() {
        when(accessRecords.findByFamily(family.id())).thenReturn(Optional.empty());

        MqttCredentials credentials = ((Result.Ok<MqttCredentials>) service.enable(family.id())).value();

        InOrder order = inOrder(broker, accessRecords);
        ArgumentCaptor<MqttAccess> onBroker = ArgumentCaptor.forClass(MqttAccess.class);
        ArgumentCaptor<MqttAccess> stored = ArgumentCaptor.forClass(MqttAccess.class);
        order.verify(broker).enable(onBroker.capture(), anyString());
        order.verify(accessRecords).save(stored.capture());
        verify(broker).enable(any(), eq(credentials.password()));
        assertThat(stored.getValue()).isEqualTo(onBroker.getValue());
        assertThat(stored.getValue().enabled()).isTrue();
        assertThat(stored.getValue().username()).isEqualTo(MqttUsername.forPrefix(family.topicPrefix()));
        assertThat(stored.getValue().passwordHash().encoded()).doesNotContain(credentials.password());
        assertThat(hasher.matches(credentials.password(), stored.getValue().passwordHash())).isTrue();
        assertThat(credentials.issuedAt()).isEqualTo(NOW);
        assertThat(credentials.topics()).contains(family.topicPrefix().value() + "/ask");
    }

    @Test
    void failedSaveDisablesBrokerAccountAndRethrows() {
        when(accessRecords.findByFamily(family.id())).thenReturn(Optional.empty());
        StoreUnavailableException failure = new StoreUnavailableException("database down", null);
        doThrow(failure).when(accessRecords).save(any());

        assertThatThrownBy(() -> service.enable(family.id())).isSameAs(failure);

        verify(broker).disable(MqttUsername.forPrefix(family.topicPrefix()));
    }

    @Test
    void brokerFailureStoresNothing() {
        when(accessRecords.findByFamily(family.id())).thenReturn(Optional.empty());
        doThrow(new BrokerUnavailableException("broker down")).when(broker).enable(any(), anyString());

        assertThatThrownBy(() -> service.enable(family.id())).isInstanceOf(BrokerUnavailableException.class);

        verify(accessRecords, never()).save(any());
    }

    @Test
    void disableStoresFirstThenCutsOffBroker() {
        MqttAccess enabled = TestData.mqttAccess(family).build();
        when(accessRecords.findByFamily(family.id())).thenReturn(Optional.of(enabled));

        MqttStatus status = ((Result.Ok<MqttStatus>) service.disable(family.id())).value();

        InOrder order = inOrder(accessRecords, broker);
        order.verify(accessRecords).save(enabled.disabled());
        order.verify(broker).disable(enabled.username());
        assertThat(status.enabled()).isFalse();
    }

    @Test
    void disableOfNeverEnabledFamilyChangesNothing() {
        when(accessRecords.findByFamily(family.id())).thenReturn(Optional.empty());

        MqttStatus status = ((Result.Ok<MqttStatus>) service.disable(family.id())).value();

        assertThat(status.enabled()).isFalse();
        assertThat(status.username()).isEmpty();
        verifyNoInteractions(broker);
    }

    @Test
    void resetOfDisabledFamilyIsConflict() {
        when(accessRecords.findByFamily(family.id()))
                .thenReturn(Optional.of(TestData.mqttAccess(family).enabled(false).build()));

        Result<MqttCredentials> result = service.resetCredentials(family.id());

        assertThat(((Result.Rejected<MqttCredentials>) result).rejection().code()).isEqualTo(ErrorCode.CONFLICT);
        verifyNoInteractions(broker);
    }

    @Test
    void resetIssuesNewPasswordUnderSameUsername() {
        MqttAccess enabled = TestData.mqttAccess(family).build();
        when(accessRecords.findByFamily(family.id())).thenReturn(Optional.of(enabled));

        MqttCredentials credentials = ((Result.Ok<MqttCredentials>) service.resetCredentials(family.id())).value();

        ArgumentCaptor<MqttAccess> stored = ArgumentCaptor.forClass(MqttAccess.class);
        verify(accessRecords).save(stored.capture());
        assertThat(credentials.username()).isEqualTo(enabled.username());
        assertThat(stored.getValue().passwordHash()).isNotEqualTo(enabled.passwordHash());
        assertThat(hasher.matches(credentials.password(), stored.getValue().passwordHash())).isTrue();
    }

    @Test
    void reconcileMarksMissingAccountsForReset() {
        MqttAccess enabled = TestData.mqttAccess(family).build();
        when(accessRecords.listAll()).thenReturn(List.of(enabled));
        when(broker.reconcile(List.of(enabled))).thenReturn(Set.of(enabled.username()));
        when(accessRecords.findByFamily(family.id())).thenReturn(Optional.of(enabled));

        Set<MqttUsername> missing = service.reconcileBroker();
        MqttStatus before = ((Result.Ok<MqttStatus>) service.status(family.id())).value();
        service.resetCredentials(family.id());
        MqttStatus after = ((Result.Ok<MqttStatus>) service.status(family.id())).value();

        assertThat(missing).containsExactly(enabled.username());
        assertThat(before.needsCredentialsReset()).isTrue();
        assertThat(after.needsCredentialsReset()).isFalse();
    }

    @Test
    void failedProbeIsUnavailable() {
        when(probe.roundTrip(family.topicPrefix(), Duration.ofSeconds(5)))
                .thenThrow(new BrokerUnavailableException("timed out"));

        Result<Duration> result = service.testConnection(family.id());

        assertThat(((Result.Rejected<Duration>) result).rejection().code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void unknownFamilyIsNotFoundEverywhere() {
        Family unknown = TestData.family().build();
        when(families.findById(unknown.id())).thenReturn(Optional.empty());

        assertThat(service.enable(unknown.id())).isInstanceOf(Result.Rejected.class);
        assertThat(service.disable(unknown.id())).isInstanceOf(Result.Rejected.class);
        assertThat(service.status(unknown.id())).isInstanceOf(Result.Rejected.class);
        assertThat(service.resetCredentials(unknown.id())).isInstanceOf(Result.Rejected.class);
        assertThat(service.testConnection(unknown.id())).isInstanceOf(Result.Rejected.class);
        verifyNoInteractions(broker, probe, accessRecords);
    }
}
