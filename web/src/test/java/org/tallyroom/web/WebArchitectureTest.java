package org.tallyroom.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The store owns all SQL: the results service reads and writes through its query classes only. */
@AnalyzeClasses(packages = "org.tallyroom.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {
    @ArchTest
    static final ArchRule noSql = noClasses().that().resideInAPackage("org.tallyroom.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..")
            .because("SQL lives in the store (org.tallyroom.store), whose query classes return records");
}
