package org.tallyroom.io.uk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tallyroom.io.InputException;

/**
 * The London borough party-name lookup ({@code ward_party_name,official_party_name,party_code}):
 * maps the descriptions candidates used on the ballot paper, misspellings and all, to one official
 * party name and code.
 *
 * <p>Names are matched exactly after stripping the ends (the published descriptions differ in
 * ways that matter, "Labour Party Candiate" against "Labour Party Candidate"), so a description the
 * lookup lacks is reported as missing rather than guessed. Where the lookup lists a description
 * twice with different targets, the first row is used and the clash is kept in {@link #conflicts()}
 * for the importer to show. A row with neither official name nor code ({@code Other,,}) maps the
 * description to no party and is skipped, as if absent.
 */
public final class PartyNameLookup {
    /** A description the lookup lists twice with different targets. */
    public record Conflict(String description, Party used, Party ignored, long ignoredLine) {
    }

    private final Map<String, Party> byDescription;
    private final List<Conflict> conflicts;

    private PartyNameLookup(Map<String, Party> byDescription, List<Conflict> conflicts) {
        this.byDescription = Map.copyOf(byDescription);
        this.conflicts = List.copyOf(conflicts);
    }

    public static PartyNameLookup read(Path path) throws InputException {
        Map<String, Party> map = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        Table.read(path, "party names (ward_party_name,official_party_name,party_code)", header -> {
            int described = header.require("ward_party_name");
            int official = header.require("official_party_name");
            int code = header.require("party_code");
            return row -> {
                String key = row.required(described, "a party description");
                if (row.text(official).isEmpty() && row.text(code).isEmpty()) {
                    return;
                }
                Party party = new Party(row.required(official, "an official party name"),
                        row.required(code, "a party code"), "");
                Party before = map.putIfAbsent(key, party);
                if (before != null && !before.equals(party)) {
                    conflicts.add(new Conflict(key, before, party, row.line()));
                }
            };
        });
        return new PartyNameLookup(map, conflicts);
    }

    /** The official party for a description as published, if the lookup lists it. */
    public Optional<Party> find(String description) {
        return Optional.ofNullable(byDescription.get(Table.clean(description)));
    }

    /** Every description listed. */
    public Set<String> descriptions() {
        return byDescription.keySet();
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
