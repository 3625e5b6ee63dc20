package org.tallyroom.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The page templates (src/main/jte, by feature: layout/, election/, council/, ballot/, timeline/, map/,
 * chart/), rendered with one view record each. Why JTE: its templates are compiled to Java classes at build
 * time by jte-maven-plugin (precompiled, so no parsing or compiling at start-up or per request, and a
 * template that does not match its record is a build error); output is escaped by content type (HTML
 * text, attribute, URL, script) unless a template says {@code $unsafe}; and the generated classes call
 * the records' accessors directly, with no reflection, on the small jte-runtime alone. Every page is a
 * template here; no HTML is assembled in Java ({@code NoStringBuiltHtmlTest}).
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {
    }

    /** Renders a template with its one parameter. */
    public static String render(String template, Object param) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, param, out);
        return out.toString();
    }
}
