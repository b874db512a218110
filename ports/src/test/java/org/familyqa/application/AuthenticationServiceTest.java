package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.ports.out.AdminTokenRepository;
import org.familyqa.ports.out.FamilyRepository;

@ExtendWith(MockitoExtension.class)
class AuthenticationServiceTest {

    @Mock
    private FamilyRepository families;
    @Mock
    private AdminTokenRepository adminTokens;

    private final SaltedSha256PasswordHasher hasher = new SaltedSha256PasswordHasher(new SecureRandom());
    private final Secrets secrets = new Secrets(new SecureRandom());
    private final FamilyTokens tokens = new FamilyTokens(secrets, hasher);

    private AuthenticationService service() {
        return new AuthenticationService(families, adminTokens, hasher, secrets);
    }

    @Test
    void familyTokenAuthenticatesItsFamily() {
        FamilyId id = new FamilyId(UUID.randomUUID());
        FamilyTokens.Issued issued = tokens.issue(id);
        when(families.findTokenHash(id)).thenReturn(Optional.of(issued.hash()));

        assertThat(service().authenticateFamily(issued.token())).contains(id);
    }

    @Test
    void wrongSecretIsRejected() {
        FamilyId id = new FamilyId(UUID.randomUUID());
        FamilyTokens.Issued issued = tokens.issue(id);
        when(families.findTokenHash(id)).thenReturn(Optional.of(issued.hash()));
        String token = issued.token();
        char last = token.charAt(token.length() - 1);
        String wrong = token.substring(0, token.length() - 1) + (last == 'x' ? 'y' : 'x');

        assertThat(service().authenticateFamily(wrong)).isEmpty();
    }

    @Test
    void tokenNamingAnotherFamilyIsRejected() {
        FamilyId owner = new FamilyId(UUID.randomUUID());
        FamilyId other = new FamilyId(UUID.randomUUID());
        FamilyTokens.Issued issued = tokens.issue(owner);
        FamilyTokens.Issued otherIssued = tokens.issue(other);
        when(families.findTokenHash(other)).thenReturn(Optional.of(otherIssued.hash()));
        String swapped = "fqa_" + other.value().toString().replace("-", "") + issued.token().substring(36);

        assertThat(service().authenticateFamily(swapped)).isEmpty();
    }

    @Test
    void malformedTokensAreRejectedWithoutLookup() {
        AuthenticationService service = service();

        assertThat(service.authenticateFamily(null)).isEmpty();
        assertThat(service.authenticateFamily("")).isEmpty();
        assertThat(service.authenticateFamily("Bearer abc")).isEmpty();
        assertThat(service.authenticateFamily("fqa_" + "g".repeat(32) + "_secret")).isEmpty();
        assertThat(service.authenticateFamily("fqa_" + "a".repeat(32) + "_")).isEmpty();
        assertThat(service.authenticateFamily("fqa_" + "A".repeat(32) + "_secret")).isEmpty();
        verify(families, never()).findTokenHash(any());
    }

    @Test
    void unknownFamilyTokenIsRejected() {
        FamilyId id = new FamilyId(UUID.randomUUID());
        when(families.findTokenHash(id)).thenReturn(Optional.empty());

        assertThat(service().authenticateFamily(tokens.issue(id).token())).isEmpty();
    }

    @Test
    void generatedAdminTokenIsStoredHashedOnce() {
        when(adminTokens.find()).thenReturn(Optional.empty());
        when(adminTokens.saveIfAbsent(any())).thenReturn(true);

        Optional<String> token = service().initializeAdminToken(Optional.empty());

        ArgumentCaptor<PasswordHash> hash = ArgumentCaptor.forClass(PasswordHash.class);
        verify(adminTokens).saveIfAbsent(hash.capture());
        assertThat(token).isPresent();
        assertThat(hash.getValue().encoded()).doesNotContain(token.get());
        assertThat(hasher.matches(token.get(), hash.getValue())).isTrue();
    }

    @Test
    void losingTheRaceReturnsNoToken() {
        when(adminTokens.find()).thenReturn(Optional.empty());
        when(adminTokens.saveIfAbsent(any())).thenReturn(false);

        assertThat(service().initializeAdminToken(Optional.empty())).isEmpty();
    }

    @Test
    void storedAdminTokenIsKept() {
        when(adminTokens.find()).thenReturn(Optional.of(hasher.hash("existing")));

        assertThat(service().initializeAdminToken(Optional.empty())).isEmpty();
        verify(adminTokens, never()).saveIfAbsent(any());
    }

    @Test
    void configuredAdminTokenReplacesStoredHash() {
        service().initializeAdminToken(Optional.of("configured-token"));

        ArgumentCaptor<PasswordHash> hash = ArgumentCaptor.forClass(PasswordHash.class);
        verify(adminTokens).replace(hash.capture());
        assertThat(hasher.matches("configured-token", hash.getValue())).isTrue();
        assertThatThrownBy(() -> service().initializeAdminToken(Optional.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminTokenIsChecked() {
        when(adminTokens.find()).thenReturn(Optional.of(hasher.hash("admin-secret")));
        AuthenticationService service = service();

        assertThat(service.authenticateAdmin("admin-secret")).isTrue();
        assertThat(service.authenticateAdmin("admin-secreT")).isFalse();
        assertThat(service.authenticateAdmin(null)).isFalse();
    }
}
