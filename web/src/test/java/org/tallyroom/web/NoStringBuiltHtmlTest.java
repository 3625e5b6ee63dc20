package org.tallyroom.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages are templates (src/main/jte), not HTML assembled in Java: no class of the results service builds
 * HTML with {@link Html}'s builder, and no string literal in its sources holds an HTML or SVG tag. Either
 * check fails as soon as someone writes {@code "<td>" + x} or {@code new Html().raw(...)} again.
 *
 * <p>{@link #CONVERTING} names the files other work is moving to templates at the same time (the count
 * team's pages, the versions table, the one time helper they use); remove each once it is converted.
 */
class NoStringBuiltHtmlTest {
    /** The builder itself, and the pages not yet moved to templates by other work (remove each when it is). */
    static final Set<String> CONVERTING = Set.of("Html", "TeamPages", "VersionsHtml", "EnGb");

    private static final Path SOURCES = Path.of("src/main/java/org/tallyroom/web");

    /** An HTML or SVG element's opening or closing tag: {@code <td>}, {@code </a>}, {@code <svg class=}. */
    private static final Pattern TAG = Pattern.compile("</?(a|p|b|i|em|strong|small|code|br|div|span|table|caption|thead|tbody"
            + "|tr|td|th|ul|ol|li|dl|dt|dd|h[1-6]|form|input|select|option|button|label|section|main|header|footer|nav|aside"
            + "|details|summary|figure|figcaption|time|svg|rect|circle|path|g|text|line|polyline|title|desc|html|head|body|meta"
            + "|link|script|style|img|iframe)(?=[\\s>/])", Pattern.CASE_INSENSITIVE);

    /** String literals and text blocks, after comments are removed. */
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"");
    private static final Pattern COMMENT = Pattern.compile("/\\*(?s:.*?)\\*/|//[^\\n]*");

    @Test
    void noClassBuildsHtmlWithTheBuilder() {
        JavaClasses web = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.tallyroom.web");
        DescribedPredicate<JavaClass> converting = DescribedPredicate.describe("a class still being moved to templates",
                c -> CONVERTING.contains(c.getSimpleName()) || CONVERTING.contains(c.getName().replaceFirst("^.*\\.", "")
                        .replaceFirst("\\$.*$", "")));
        noClasses().that().resideInAPackage("org.tallyroom.web..").and(DescribedPredicate.not(converting))
                .should().callConstructor(Html.class)
                .orShould().callMethod(Html.class, "raw", String.class)
                .because("pages are JTE templates (src/main/jte); Java builds view records and calls Templates.render")
                .check(web);
    }

    @Test
    void noSourceOutsideTheConvertingOnesHasHtmlTagsInStrings() throws IOException {
        assertThat(SOURCES).as("the web module's sources, from the module directory").isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.java$", "");
                if (!CONVERTING.contains(name)) {
                    tagsInStrings(Files.readString(f)).forEach(t -> found.add(SOURCES.relativize(f) + ": " + t));
                }
            }
        }
        assertThat(found).as("HTML tags in string literals: write a template instead").isEmpty();
    }

    @Test
    void theScanFindsTagsInStringsButNotInCommentsOrPathParameters() {
        assertThat(tagsInStrings("class X { String a = \"<td>\" + x + \"</td>\"; }")).containsExactly("\"<td>\"", "\"</td>\"");
        assertThat(tagsInStrings("class X { String a = \"\"\"\n  <svg class=\"k\">\n\"\"\"; }")).hasSize(1);
        assertThat(tagsInStrings("/** {@code <p>} */ class X { String r = \"/api/<rest>\"; String t = \"a < b\"; }")).isEmpty();
    }

    /** The string literals of a Java source that hold a tag. */
    static List<String> tagsInStrings(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(stripComments(source));
        while (m.find()) {
            if (TAG.matcher(m.group()).find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** The source without comments (strings are kept whole: a "//" inside one is not a comment). */
    private static String stripComments(String source) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile(LITERAL.pattern() + "|" + COMMENT.pattern()).matcher(source);
        int at = 0;
        while (m.find()) {
            out.append(source, at, m.start());
            out.append(m.group().startsWith("/") ? " " : m.group());
            at = m.end();
        }
        return out.append(source.substring(at)).toString();
    }
}
