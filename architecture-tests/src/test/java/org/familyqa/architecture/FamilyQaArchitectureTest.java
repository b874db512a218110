package org.familyqa.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks the production classes of every module; test classes, and so the samples here, are left out. */
@AnalyzeClasses(packages = "org.familyqa", importOptions = ImportOption.DoNotIncludeTests.class)
class FamilyQaArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnJdk = FamilyQaArchitecture.forDomain();

    @ArchTest
    static final ArchRule portsDependOnlyOnDomain = FamilyQaArchitecture.forPorts();

    @ArchTest
    static final ArchRule applicationDependsOnlyOnCore = FamilyQaArchitecture.forApplication();

    @ArchTest
    static final ArchRule coreUsesNoTechnologyTypes = FamilyQaArchitecture.forCoreTechnology();

    @ArchTest
    static final ArchRule adaptersAreIndependent = FamilyQaArchitecture.forAdapters();

    @ArchTest
    static final ArchRule modulesHaveNoCycles = FamilyQaArchitecture.forModuleCycles();
}
