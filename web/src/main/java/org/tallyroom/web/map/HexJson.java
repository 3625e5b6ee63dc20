package org.tallyroom.web.map;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.tallyroom.io.InputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A HexJSON hexagon map (the Open Data Institute Leeds / Open Innovations format): a {@code layout}
 * (odd-r, even-r, odd-q or even-q) and {@code hexes}, an object of hexagons keyed by an area code, each
 * with integer column {@code q} and row {@code r} and other properties ({@code n}, the area's name, and
 * for wards {@code LAD22NM}, the district). A bad file is refused with the JSON pointer of the fault, or
 * the line and column of a syntax error.
 */
public record HexJson(String layout, List<Hex> hexes) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LAYOUTS = Set.of("odd-r", "even-r", "odd-q", "even-q");

    /** One hexagon: its key (a GSS code in the project's maps), name, position and other text properties. */
    public record Hex(String key, String name, int q, int r, Map<String, String> properties) {
    }

    /** Reads a HexJSON document; {@code file} names it in errors; gzip if the name ends .gz. */
    public static HexJson read(String file, InputStream in) throws InputException {
        JsonNode root;
        try (InputStream body = file.endsWith(".gz") ? new GZIPInputStream(in) : in) {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InputException(file, at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()),
                    "well-formed JSON", e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, 0, 0, "a readable (gzip) file", String.valueOf(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw error(file, "", "a JSON object", root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString());
        }
        JsonNode layout = root.path("layout");
        if (!layout.isString() || !LAYOUTS.contains(layout.asString())) {
            throw error(file, "/layout", "one of odd-r, even-r, odd-q, even-q", found(layout));
        }
        JsonNode hexes = root.path("hexes");
        if (!hexes.isObject() || hexes.isEmpty()) {
            throw error(file, "/hexes", "an object of hexagons", found(hexes));
        }
        List<Hex> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : hexes.properties()) {
            String at = "/hexes/" + e.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode h = e.getValue();
            if (!h.isObject()) {
                throw error(file, at, "a hexagon object", found(h));
            }
            for (String coord : new String[] {"q", "r"}) {
                if (!h.path(coord).isIntegralNumber() || !h.path(coord).canConvertToInt()) {
                    throw error(file, at + "/" + coord, "an integer", found(h.path(coord)));
                }
            }
            Map<String, String> props = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : h.properties()) {
                if (p.getValue().isValueNode()) {
                    props.put(p.getKey(), p.getValue().asString());
                }
            }
            JsonNode n = h.path("n");
            if (!n.isMissingNode() && !n.isString()) {
                throw error(file, at + "/n", "a name (text)", found(n));
            }
            out.add(new Hex(e.getKey(), n.isString() ? n.asString() : e.getKey(), h.path("q").asInt(), h.path("r").asInt(),
                    props));
        }
        return new HexJson(layout.asString(), List.copyOf(out));
    }

    /** A map packaged with the service ({@code web/maps/NAME}, from reference-data/maps at build time). */
    public static HexJson packaged(String name) {
        String path = "/web/maps/" + name;
        try (InputStream in = HexJson.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build (copied from reference-data/maps)");
            }
            return read(name, in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static InputException error(String file, String pointer, String expected, String found) {
        return new InputException(file, 0, 0, "at " + (pointer.isEmpty() ? "/" : pointer) + ": expected " + expected + ", found " + found);
    }

    private static String found(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isString()) {
            return "the text " + InputException.quote(n.asString());
        }
        return n.isValueNode() ? n.asString() : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
