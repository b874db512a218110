package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.in.FamilyUseCases.CreatedFamily;
import org.familyqa.ports.in.Page;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.testing.TestData;

@ExtendWith(MockitoExtension.class)
class FamilyServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123456789Z");
    private static final UUID ID = UUID.fromString("01957a3c-0000-7000-8000-000000000001");

    @Mock
    private FamilyRepository families;

    private final SaltedSha256PasswordHasher hasher = new SaltedSha256PasswordHasher(new SecureRandom());

    private FamilyService service() {
        return new FamilyService(families, new FamilyTokens(new Secrets(new SecureRandom()), hasher), () -> ID,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void createFamilyStoresOnlyTheTokenHash() {
        Result<CreatedFamily> result = service().createFamily(new FamilyName("Riveras"), Optional.empty());

        CreatedFamily created = ((Result.Ok<CreatedFamily>) result).value();
        ArgumentCaptor<PasswordHash> hash = ArgumentCaptor.forClass(PasswordHash.class);
        verify(families).add(eq(created.family()), hash.capture());
        assertThat(created.token()).matches("fqa_" + ID.toString().replace("-", "") + "_[A-Za-z0-9_-]{32}");
        assertThat(hash.getValue().encoded()).doesNotContain(created.token().substring(37));
        assertThat(hasher.matches(created.token(), hash.getValue())).isTrue();
    }

    @Test
    void createFamilyDefaultsPrefixToId() {
        Result<CreatedFamily> result = service().createFamily(new FamilyName("Riveras"), Optional.empty());

        Family family = ((Result.Ok<CreatedFamily>) result).value().family();
        assertThat(family.id()).isEqualTo(new FamilyId(ID));
        assertThat(family.topicPrefix()).isEqualTo(TopicPrefix.ofFamily(new FamilyId(ID)));
        assertThat(family.createdAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123456Z"));
    }

    @Test
    void takenSlugIsConflict() {
        doThrow(new DuplicateKeyException("topic_slug", "taken", null)).when(families).add(any(), any());

        Result<CreatedFamily> result = service().createFamily(new FamilyName("Riveras"),
                Optional.of(new TopicPrefix("riveras")));

        assertThat(result).isInstanceOfSatisfying(Result.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(rejected.rejection().field()).isEqualTo("topic_slug");
            assertThat(rejected.rejection().message()).contains("riveras");
        });
    }

    @Test
    void listFamiliesRejectsBadLimitAndCursor() {
        FamilyService service = service();

        Result<Page<Family>> zero = service.listFamilies(Optional.empty(), 0);
        Result<Page<Family>> tooMany = service.listFamilies(Optional.empty(), 1001);
        Result<Page<Family>> badCursor = service.listFamilies(Optional.of("%%%"), 10);

        assertThat(((Result.Rejected<Page<Family>>) zero).rejection().field()).isEqualTo("limit");
        assertThat(((Result.Rejected<Page<Family>>) tooMany).rejection().field()).isEqualTo("limit");
        assertThat(((Result.Rejected<Page<Family>>) badCursor).rejection().field()).isEqualTo("cursor");
        verify(families, never()).list(any(), anyInt());
    }

    @Test
    void listFamiliesGivesCursorWhenMoreFollow() {
        Family first = TestData.family().build();
        Family second = TestData.family().build();
        Family third = TestData.family().build();
        when(families.list(Optional.empty(), 3)).thenReturn(List.of(first, second, third));
        when(families.list(Optional.of(second.id()), 3)).thenReturn(List.of(third));
        FamilyService service = service();

        Page<Family> page = ((Result.Ok<Page<Family>>) service.listFamilies(Optional.empty(), 2)).value();
        Page<Family> last = ((Result.Ok<Page<Family>>) service.listFamilies(page.nextCursor(), 2)).value();

        assertThat(page.items()).containsExactly(first, second);
        assertThat(page.nextCursor()).isPresent();
        assertThat(last.items()).containsExactly(third);
        assertThat(last.nextCursor()).isEmpty();
    }
}
