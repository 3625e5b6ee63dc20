package org.tallyroom.io.cvr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.tallyroom.io.InputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A JSON or XML document read into a tree whose every value can be located for an error message:
 * {@code file:line:column: /json/pointer: expected X, found Y}. JSON locations are found by reading
 * the file again up to the pointer (only when there is an error to report); XML elements (read with
 * the JDK's StAX) keep their position. XML becomes the tree JSON would be: each child element an
 * array entry under its name, text-only elements strings, {@code ObjectId} as {@code @id}.
 */
public final class LocatedTree {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final Path path;
    private final JsonNode root;
    private final Map<JsonNode, long[]> xmlPositions;

    private LocatedTree(Path path, JsonNode root, Map<JsonNode, long[]> xmlPositions) {
        this.path = path;
        this.root = root;
        this.xmlPositions = xmlPositions;
    }

    /** Reads a JSON file; malformed JSON is reported where it breaks. */
    public static LocatedTree json(Path path) throws InputException {
        try (InputStream in = Files.newInputStream(path)) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw new InputException(path.toString(), 1, 1, "a JSON document", "an empty file");
            }
            return new LocatedTree(path, root, null);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            throw new InputException(path.toString(), loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "well-formed JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), 0, 0, "no such file");
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Reads an XML file with StAX; malformed XML is reported where it breaks. */
    public static LocatedTree xml(Path path) throws InputException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<JsonNode, long[]> positions = new IdentityHashMap<>();
        try (InputStream in = Files.newInputStream(path)) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            while (x.hasNext() && x.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (!x.isStartElement()) {
                throw new InputException(path.toString(), 1, 1, "an XML element", "none");
            }
            JsonNode root = element(x, positions);
            return new LocatedTree(path, root, positions);
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*Message:\\s*", "");
            throw new InputException(path.toString(), loc == null ? 0 : loc.getLineNumber(),
                    loc == null ? 0 : loc.getColumnNumber(), "well-formed XML: " + message.strip());
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), 0, 0, "no such file");
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode element(XMLStreamReader x, Map<JsonNode, long[]> positions) throws XMLStreamException {
        long[] at = {x.getLocation().getLineNumber(), x.getLocation().getColumnNumber()};
        ObjectNode obj = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < x.getAttributeCount(); i++) {
            String name = x.getAttributeLocalName(i);
            String key = name.equals("ObjectId") ? "@id" : name.equals("type") ? "@type" : name;
            StringNode value = StringNode.valueOf(x.getAttributeValue(i));
            positions.put(value, at);
            obj.set(key, value);
        }
        StringBuilder text = new StringBuilder();
        boolean children = false;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children = true;
                String name = x.getLocalName();
                JsonNode child = element(x, positions);
                obj.withArray(name).add(child);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(x.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        JsonNode node;
        if (!children && obj.isEmpty()) {
            node = StringNode.valueOf(text.toString().strip());
        } else {
            if (!children && !text.toString().isBlank()) {
                obj.put("#text", text.toString().strip());
            }
            node = obj;
        }
        positions.put(node, at);
        return node;
    }

    /** The document's root, at pointer "". */
    public Node root() {
        return new Node(this, root, JsonPointer.empty(), root);
    }

    public Path path() {
        return path;
    }

    /** A located error: XML by the element's position, JSON by the pointer's position and the pointer. */
    InputException error(JsonNode node, JsonPointer pointer, String problem) {
        if (xmlPositions != null) {
            long[] at = node == null ? null : xmlPositions.get(node);
            return new InputException(path.toString(), at == null ? 0 : at[0], at == null ? 0 : at[1], problem);
        }
        long[] at = locateJson(pointer);
        return new InputException(path.toString(), at[0], at[1],
                (pointer.toString().isEmpty() ? "/" : pointer.toString()) + ": " + problem);
    }

    /** The line and column where the value at {@code pointer} (or its nearest present parent) starts. */
    private long[] locateJson(JsonPointer pointer) {
        List<JsonPointer> tries = new ArrayList<>();
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            tries.add(p);
            if (p.matches()) {
                break;
            }
        }
        try (JsonParser parser = MAPPER.createParser(path.toFile())) {
            List<String> wanted = tries.stream().map(JsonPointer::toString).toList();
            long[] best = null;
            int bestRank = Integer.MAX_VALUE;
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                if (t == JsonToken.PROPERTY_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                String here = parser.streamReadContext().pathAsPointer().toString();
                int rank = wanted.indexOf(here);
                if (rank >= 0 && rank < bestRank) {
                    TokenStreamLocation loc = parser.currentTokenLocation();
                    best = new long[] {loc.getLineNr(), loc.getColumnNr()};
                    bestRank = rank;
                    if (rank == 0) {
                        break;
                    }
                }
            }
            return best == null ? new long[] {1, 1} : best;
        } catch (JacksonException e) {
            return new long[] {0, 0};
        }
    }
}
