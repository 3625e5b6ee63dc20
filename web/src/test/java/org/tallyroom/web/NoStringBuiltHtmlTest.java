package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages are templates (src/main/jte), not HTML assembled in Java: no string literal in the results
 * service's sources holds an HTML or SVG tag, so the check fails as soon as someone writes
 * {@code "<td>" + x} again.
 */
class NoStringBuiltHtmlTest {
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
    void noSourceHasHtmlTagsInStrings() throws IOException {
        assertThat(SOURCES).as("the web module's sources, from the module directory").isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                tagsInStrings(Files.readString(f)).forEach(t -> found.add(SOURCES.relativize(f) + ": " + t));
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
