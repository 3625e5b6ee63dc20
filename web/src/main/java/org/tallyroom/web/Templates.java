package org.tallyroom.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The page templates (src/main/jte, organised by feature: map/, chart/), compiled to Java classes at build
 * time by jte-maven-plugin. JTE because a template is checked by the compiler against the records it
 * renders, its output is HTML-escaped by context (text, attribute, URL) unless a template says
 * {@code $unsafe}, and the service runs on the small jte-runtime with no template parsing at run time.
 * New pages should be templates here, not HTML assembled in Java ({@link Html} is what remains of that).
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
