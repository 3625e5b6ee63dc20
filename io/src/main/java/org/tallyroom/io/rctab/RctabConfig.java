package org.tallyroom.io.rctab;

import java.nio.file.Path;
import java.util.List;
import org.tallyroom.count.rcv.RcvRules;
import org.tallyroom.io.cvr.CvrSource;
import org.tallyroom.io.cvr.Where;

/**
 * An RCTab contest config file ({@code *_config.json}) as read: the contest, where its cast vote
 * records are, its candidates and its rules.
 *
 * @param path         the config file
 * @param contestName  outputSettings.contestName
 * @param jurisdiction outputSettings.contestJurisdiction (may be empty)
 * @param office       outputSettings.contestOffice (may be empty)
 * @param date         outputSettings.contestDate (may be empty)
 * @param sources      cvrFileSources, paths resolved against the config's folder
 * @param candidates   candidates in the config's order
 * @param rules        the tabulation rules
 */
public record RctabConfig(Path path, String contestName, String jurisdiction, String office, String date,
                          List<CvrSource> sources, List<ConfigCandidate> candidates, RcvRules rules) {
    public RctabConfig {
        sources = List.copyOf(sources);
        candidates = List.copyOf(candidates);
    }

    /**
     * A candidate as the config names them.
     *
     * @param name     the name reported
     * @param aliases  other names cast vote records may use for them
     * @param excluded left out of the count
     * @param where    where the config names them
     */
    public record ConfigCandidate(String name, List<String> aliases, boolean excluded, Where where) {
        public ConfigCandidate {
            aliases = List.copyOf(aliases);
        }
    }
}
