package org.tallyroom.store.uk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Candidates' parties as declared, for results files that name no parties: the maintained table
 * {@code candidate-parties.csv} (a resource beside this class: {@code ballot_id,candidate,party,basis};
 * an empty party is an independent). The London 2016 mayoral file has no party column, and five of its
 * candidates cannot be matched to a London-wide list by their ward figures; the declaration names them.
 * Party names go on through the alias table ({@link org.tallyroom.store.MainParties}) to their register ids.
 */
final class CandidateParties {
    private static final Map<String, String> PARTY = load();

    private CandidateParties() {
    }

    /** The declared party of the candidate on the ballot ("" for an independent), if the table lists them. */
    static Optional<String> of(String ballotId, String candidate) {
        return Optional.ofNullable(PARTY.get(ballotId + "\n" + candidate));
    }

    // Hand-read: a small table of our own with no quoted fields (checked on loading).
    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = CandidateParties.class.getResourceAsStream("candidate-parties.csv")) {
            if (in == null) {
                throw new IllegalStateException("candidate-parties.csv is missing from the build");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", 4);
                if (lines.get(i).contains("\"") || f.length < 3) {
                    throw new IllegalStateException("candidate-parties.csv:" + (i + 1) + ": expected ballot_id,candidate,party,basis");
                }
                out.put(f[0].strip() + "\n" + f[1].strip(), f[2].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
