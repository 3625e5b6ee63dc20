package org.tallyroom.count;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Set;

/**
 * The count engine is a pure library: only the JDK, no I/O, no clock, no randomness but the seeded
 * lot, no floating point. These rules keep it so.
 */
@AnalyzeClasses(packages = "org.tallyroom.count", importOptions = ImportOption.DoNotIncludeTests.class)
class CountModuleArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheJdk = noClasses().that().resideInAPackage("org.tallyroom.count..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.tallyroom.count..", "java..");

    @ArchTest
    static final ArchRule noIoNoClock = noClasses().that().resideInAPackage("org.tallyroom.count..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..",
                    "java.time..")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
            .because("a count must be pure and reproducible: same input, same report");

    private static final Set<String> FLOATING = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    @ArchTest
    static final ArchRule noFloatingPoint = ArchRuleDefinition.classes().that().resideInAPackage("org.tallyroom.count..")
            .should(new ArchCondition<JavaClass>("use no floating point") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaField f : c.getFields()) {
                        if (FLOATING.contains(f.getRawType().getName())) {
                            events.add(SimpleConditionEvent.violated(f, f.getFullName() + " is floating point"));
                        }
                    }
                    for (JavaCodeUnit m : c.getCodeUnits()) {
                        if (FLOATING.contains(m.getRawReturnType().getName())
                                || m.getRawParameterTypes().stream().anyMatch(p -> FLOATING.contains(p.getName()))) {
                            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " uses floating point"));
                        }
                    }
                }
            })
            .because("counts use exact integer arithmetic at the statute's precision");
}
