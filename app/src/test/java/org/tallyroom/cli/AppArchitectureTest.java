package org.tallyroom.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The store owns all SQL: the command line reads and writes through its query classes only. */
@AnalyzeClasses(packages = "org.tallyroom.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {
    @ArchTest
    static final ArchRule noSql = noClasses().that().resideInAPackage("org.tallyroom.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..")
            .because("SQL lives in the store (org.tallyroom.store), whose query classes return records");
}
