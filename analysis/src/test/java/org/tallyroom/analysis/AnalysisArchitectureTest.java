package org.tallyroom.analysis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Analysis is pure functions over records: the JDK and the count module only, no I/O, no clock, no floating point. */
@AnalyzeClasses(packages = "org.tallyroom.analysis", importOptions = ImportOption.DoNotIncludeTests.class)
class AnalysisArchitectureTest {
    @ArchTest
    static final ArchRule onlyTheJdk = noClasses().that().resideInAPackage("org.tallyroom.analysis..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.tallyroom.analysis..", "org.tallyroom.count..",
                    "java..");

    @ArchTest
    static final ArchRule noIoNoClock = noClasses().that().resideInAPackage("org.tallyroom.analysis..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .because("an analysis must be a pure function of its inputs");

    @ArchTest
    static final ArchRule noFloatingPoint = noClasses().that().resideInAPackage("org.tallyroom.analysis..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Double")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Float")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("double")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("float")
            .because("shares and swings are exact fractions; only display rounds");
}
