package org.tallyroom.cli;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A supplementary vote result's published figures, from its stored count report (REPORT-FORMAT.md):
 * every candidate's first preferences (the figure declared for those eliminated after the first
 * count), and the second-round totals of the candidates who stayed in.
 *
 * @param first       first preferences by candidate name
 * @param secondRound second-round totals of those who stayed in, by name; empty if the first count decided
 * @param eliminated  candidates eliminated after the first count
 */
record ShowSv(Map<String, BigDecimal> first, Map<String, BigDecimal> secondRound, Set<String> eliminated) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The figures of a stored SV report, or null if it has none to give. */
    static ShowSv of(String countMethod, String countReport) {
        if (!"sv".equals(countMethod) || countReport == null) {
            return null;
        }
        JsonNode stages = JSON.readTree(countReport).get("stages");
        if (stages == null || stages.isEmpty()) {
            return null;
        }
        Map<String, BigDecimal> first = votes(stages.get(0));
        Map<String, BigDecimal> second = new HashMap<>();
        Set<String> eliminated = new HashSet<>();
        if (stages.size() > 1) {
            JsonNode last = stages.get(stages.size() - 1);
            last.get("excluded").forEach(n -> eliminated.add(n.asString()));
            votes(last).forEach((name, v) -> {
                if (!eliminated.contains(name)) {
                    second.put(name, v);
                }
            });
        }
        return new ShowSv(first, second, eliminated);
    }

    private static Map<String, BigDecimal> votes(JsonNode stage) {
        Map<String, BigDecimal> out = new HashMap<>();
        stage.get("votes").properties().forEach(e -> out.put(e.getKey(), new BigDecimal(e.getValue().asString())));
        return out;
    }
}
