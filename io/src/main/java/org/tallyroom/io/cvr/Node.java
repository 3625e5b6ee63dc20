package org.tallyroom.io.cvr;

import java.util.ArrayList;
import java.util.List;
import org.tallyroom.io.InputException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * A value in a {@link LocatedTree} and where it is. Lenient about the shape XML gives: a field
 * holding an array of one string reads as that string, and a field holding one object reads as a
 * list of one. Every accessor that finds the wrong thing throws a located {@link InputException}.
 *
 * @param tree    the document
 * @param value   the value, or null where the field is absent
 * @param pointer its JSON pointer
 * @param anchor  the value, or where it is absent its nearest present parent (XML locations)
 */
public record Node(LocatedTree tree, JsonNode value, JsonPointer pointer, JsonNode anchor) implements Where {

    public boolean present() {
        return value != null && !value.isNull() && !value.isMissingNode();
    }

    /** The field {@code name} of this object (absent if this is not an object or has no such field). */
    public Node field(String name) {
        JsonNode v = value != null && value.isObject() ? value.get(name) : null;
        return new Node(tree, v, pointer.appendProperty(name), v != null ? v : anchor);
    }

    /** The field's elements: an array's, or the value itself as a list of one; empty if absent. */
    public List<Node> list(String name) {
        Node f = field(name);
        List<Node> out = new ArrayList<>();
        if (!f.present()) {
            return out;
        }
        if (f.value.isArray()) {
            for (int i = 0; i < f.value.size(); i++) {
                out.add(new Node(tree, f.value.get(i), f.pointer.appendIndex(i), f.value.get(i)));
            }
        } else {
            out.add(f);
        }
        return out;
    }

    /** The field's elements; an error if it is absent or empty. */
    public List<Node> required(String name, String what) throws InputException {
        List<Node> out = list(name);
        if (out.isEmpty()) {
            throw field(name).error(what + " (\"" + name + "\")", "none");
        }
        return out;
    }

    /** This value as text (a string, a number or a boolean), or null where absent. */
    public String text() throws InputException {
        if (!present()) {
            return null;
        }
        JsonNode v = value;
        if (v.isArray() && v.size() == 1) {
            v = v.get(0);
        }
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw error("a single value", v.isObject() ? "an object" : "a list");
    }

    /** The field's text, or null where absent. */
    public String text(String name) throws InputException {
        return field(name).text();
    }

    /** The field's text; an error if absent. */
    public String requiredText(String name) throws InputException {
        String s = text(name);
        if (s == null) {
            throw field(name).error("\"" + name + "\"", "none");
        }
        return s;
    }

    /** A located error about this value: {@code file:line:column: /pointer: problem} (no pointer for XML). */
    @Override
    public InputException error(String problem) {
        return tree.error(anchor, pointer, problem);
    }

    /** A located error about this value. */
    public InputException error(String expected, String found) {
        return error("expected " + expected + ", found " + found);
    }

    /** Describes the value for an error message. */
    public String describe() {
        if (!present()) {
            return "none";
        }
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            return InputException.quote(value.asString());
        }
        return value.isObject() ? "an object" : "a list";
    }
}
