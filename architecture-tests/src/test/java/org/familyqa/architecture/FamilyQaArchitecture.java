package org.familyqa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The dependency rules of the hexagonal layout, as functions of package names.
 *
 * <p>Each rule takes the packages it talks about, so the same rule runs against the real code (the {@code for*}
 * methods at the end) and against the sample packages that prove it reports a violation. Package arguments are plain
 * package names such as {@code org.familyqa.domain}; a rule covers the package and everything below it.
 */
public final class FamilyQaArchitecture {

    public static final String DOMAIN = "org.familyqa.domain";
    public static final String PORTS = "org.familyqa.ports";
    public static final String APPLICATION = "org.familyqa.application";
    public static final List<String> ADAPTERS =
            List.of("org.familyqa.adapter.postgres", "org.familyqa.adapter.mqtt", "org.familyqa.adapter.http");
    public static final String BOOTSTRAP = "org.familyqa.bootstrap";

    /** Technology packages that belong in adapters only: JPA, Hibernate, HiveMQ, SparkJava and JDBC. */
    public static final List<String> TECHNOLOGY_PACKAGES =
            List.of("jakarta..", "javax.persistence..", "org.hibernate..", "com.hivemq..", "spark..", "java.sql..");

    private FamilyQaArchitecture() {
    }

    /** Returns the rule: classes in {@code layer} depend only on {@code java..}, {@code layer} and {@code allowed}. */
    public static ArchRule dependsOnlyOnJdkAnd(String layer, List<String> allowed) {
        List<String> packages = new ArrayList<>();
        packages.add("java..");
        packages.add(layer + "..");
        allowed.forEach(name -> packages.add(name + ".."));
        return classes().that().resideInAPackage(layer + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new))
                .because("the core is a plain Java library that embedding teams use without any framework");
    }

    /** Returns the rule: no class in {@code layers} uses a type from {@link #TECHNOLOGY_PACKAGES}. */
    public static ArchRule usesNoTechnologyTypes(List<String> layers) {
        return noClasses().that().resideInAnyPackage(subpackages(layers))
                .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY_PACKAGES.toArray(String[]::new))
                .because("JPA, Hibernate, HiveMQ, SparkJava and JDBC types belong in the adapter that uses them");
    }

    /**
     * Returns the rule: no adapter in {@code adapters} depends on another one or on {@code bootstrap}.
     *
     * @param adapters two or more adapter packages
     */
    public static CompositeArchRule adaptersAreIndependent(List<String> adapters, String bootstrap) {
        List<ArchRule> rules = adapters.stream()
                .map(adapter -> adapterIsIndependent(adapter, adapters, bootstrap))
                .toList();
        return CompositeArchRule.of(rules);
    }

    private static ArchRule adapterIsIndependent(String adapter, List<String> adapters, String bootstrap) {
        Stream<String> otherAdapters = adapters.stream().filter(other -> !other.equals(adapter));
        List<String> forbidden = Stream.concat(otherAdapters, Stream.of(bootstrap)).toList();
        return noClasses().that().resideInAPackage(adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(subpackages(forbidden))
                .because("adapters talk to each other only through the core, and only bootstrap wires them");
    }

    /** Returns the rule: the modules, one slice per package in {@code modules}, have no cycle between them. */
    public static ArchRule modulesAreFreeOfCycles(List<String> modules) {
        return slices().assignedFrom(new ModuleSlices(modules)).should().beFreeOfCycles();
    }

    /** Returns the rule that the real domain depends only on the JDK and itself. */
    public static ArchRule forDomain() {
        return dependsOnlyOnJdkAnd(DOMAIN, List.of()).allowEmptyShould(false);
    }

    /** Returns the rule that the real ports depend only on the JDK and the domain. */
    public static ArchRule forPorts() {
        return dependsOnlyOnJdkAnd(PORTS, List.of(DOMAIN)).allowEmptyShould(false);
    }

    /** Returns the rule that the real use case implementations depend only on the JDK, the domain and the ports. */
    public static ArchRule forApplication() {
        return dependsOnlyOnJdkAnd(APPLICATION, List.of(DOMAIN, PORTS)).allowEmptyShould(false);
    }

    /** Returns the rule that the real domain and ports use no technology types. */
    public static ArchRule forCoreTechnology() {
        return usesNoTechnologyTypes(List.of(DOMAIN, PORTS)).allowEmptyShould(false);
    }

    /** Returns the rule that the real adapters are independent of each other and of bootstrap. */
    public static ArchRule forAdapters() {
        return adaptersAreIndependent(ADAPTERS, BOOTSTRAP).allowEmptyShould(false);
    }

    /** Returns the rule that the real modules have no dependency cycle between them. */
    public static ArchRule forModuleCycles() {
        List<String> modules = new ArrayList<>(List.of(DOMAIN, PORTS, APPLICATION));
        modules.addAll(ADAPTERS);
        modules.add(BOOTSTRAP);
        return modulesAreFreeOfCycles(modules).allowEmptyShould(false);
    }

    private static String[] subpackages(List<String> packages) {
        return packages.stream().map(name -> name + "..").toArray(String[]::new);
    }

    /** Puts each class into the slice of the module package it belongs to, and ignores classes outside them. */
    private static final class ModuleSlices implements SliceAssignment {

        private final List<String> modules;

        ModuleSlices(List<String> modules) {
            this.modules = List.copyOf(modules);
        }

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String packageName = javaClass.getPackageName();
            Optional<String> module = modules.stream()
                    .filter(name -> packageName.equals(name) || packageName.startsWith(name + "."))
                    .findFirst();
            return module.map(SliceIdentifier::of).orElseGet(SliceIdentifier::ignore);
        }

        @Override
        public String getDescription() {
            return "modules " + modules;
        }
    }
}
