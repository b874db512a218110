package org.familyqa.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that each rule can fail: the same rule functions run against two sample trees laid out like the real
 * modules: {@code samples.clean}, where every rule holds, and {@code samples.bad}, where each rule is broken on
 * purpose.
 */
class FamilyQaArchitectureSamplesTest {

    private static final String SAMPLES = "org.familyqa.architecture.samples";
    private static final Layout CLEAN = new Layout(SAMPLES + ".clean");
    private static final Layout BAD = new Layout(SAMPLES + ".bad");

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(SAMPLES);

    /** The module packages below one root, named like the real ones. */
    record Layout(String root) {
        String domain() {
            return root + ".domain";
        }

        String ports() {
            return root + ".ports";
        }

        String application() {
            return root + ".application";
        }

        List<String> adapters() {
            return List.of(root + ".adapter.postgres", root + ".adapter.mqtt", root + ".adapter.http");
        }

        String bootstrap() {
            return root + ".bootstrap";
        }

        List<String> modules() {
            return Stream.concat(Stream.of(domain(), ports(), application()),
                    Stream.concat(adapters().stream(), Stream.of(bootstrap()))).toList();
        }
    }

    /** Builds every rule for one layout. Empty packages fail here, so that a typo in a package name cannot pass. */
    static List<ArchRule> rulesFor(Layout layout) {
        return List.of(
                FamilyQaArchitecture.dependsOnlyOnJdkAnd(layout.domain(), List.of()),
                FamilyQaArchitecture.dependsOnlyOnJdkAnd(layout.ports(), List.of(layout.domain())),
                FamilyQaArchitecture.dependsOnlyOnJdkAnd(layout.application(),
                        List.of(layout.domain(), layout.ports())),
                FamilyQaArchitecture.usesNoTechnologyTypes(List.of(layout.domain(), layout.ports())),
                FamilyQaArchitecture.adaptersAreIndependent(layout.adapters(), layout.bootstrap()),
                FamilyQaArchitecture.modulesAreFreeOfCycles(layout.modules()))
                .stream().map(rule -> rule.allowEmptyShould(false)).toList();
    }

    static Stream<ArchRule> cleanRules() {
        return rulesFor(CLEAN).stream();
    }

    @ParameterizedTest
    @MethodSource("cleanRules")
    void ruleAcceptsCleanSample(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    static Stream<Arguments> violations() {
        List<ArchRule> rules = rulesFor(BAD);
        return Stream.of(
                Arguments.of("domain on SLF4J", rules.get(0), "LoggingQuestion", "org.slf4j.Logger"),
                Arguments.of("ports on Spark", rules.get(1), "SparkQuestionPort", "spark.Request"),
                Arguments.of("application on adapter", rules.get(2), "ShortcutService", "SampleHttpApi"),
                Arguments.of("JDBC in domain", rules.get(3), "JdbcQuestion", "java.sql.Timestamp"),
                Arguments.of("Spark in ports", rules.get(3), "SparkQuestionPort", "spark.Request"),
                Arguments.of("adapter on adapter", rules.get(4), "SampleRepository", "SampleBridge"),
                Arguments.of("adapter on bootstrap", rules.get(4), "SampleHttpApi", "SampleMain"),
                Arguments.of("cycle between adapters", rules.get(5), "adapter.postgres", "adapter.mqtt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void ruleReportsViolationInBadSample(String name, ArchRule rule, String offender, String target) {
        EvaluationResult result = rule.evaluate(CLASSES);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(detail -> assertThat(detail).contains(offender).contains(target));
    }

    @Test
    void domainRuleAllowsJdbcBecauseItIsJdk() {
        EvaluationResult result = rulesFor(BAD).get(0).evaluate(CLASSES);

        assertThat(result.getFailureReport().getDetails()).noneMatch(detail -> detail.contains("JdbcQuestion"));
    }

    @Test
    void ruleOverEmptyPackageFails() {
        ArchRule rule = FamilyQaArchitecture.dependsOnlyOnJdkAnd(SAMPLES + ".missing", List.of())
                .allowEmptyShould(false);

        assertThatThrownBy(() -> rule.check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    static Stream<ArchRule> productionCoreRules() {
        return Stream.of(FamilyQaArchitecture.forDomain(), FamilyQaArchitecture.forPorts(),
                FamilyQaArchitecture.forCoreTechnology(), FamilyQaArchitecture.forModuleCycles());
    }

    /** The samples contain no class of the real core, so a core rule run on them checks nothing and must fail. */
    @ParameterizedTest
    @MethodSource("productionCoreRules")
    void productionCoreRuleFailsWithoutClasses(ArchRule rule) {
        assertThatThrownBy(() -> rule.check(CLASSES)).isInstanceOf(AssertionError.class);
    }
}
