package org.tallyroom.store;

import java.time.LocalDate;
import org.tallyroom.count.Candidate;

/**
 * A person as an importer knows them. The key is the importer's identity for the person: a Democracy
 * Club person is {@code ynr:1234}; where a source gives only a name, use {@link #onBallot} so the same
 * name on the same ballot is the same person and nothing is guessed across ballots.
 *
 * @param key       stable identity, unique across the store
 * @param name      full name
 * @param gender    as the source gives it, or null
 * @param birthDate or null
 */
public record Person(String key, String name, String gender, LocalDate birthDate) {
    public Person {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a person needs a key");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a person needs a name");
        }
        name = Candidate.fold(name);
    }

    /** A person known only by name on one ballot: key {@code name:<ballot id>:<name>}. */
    public static Person onBallot(String ballotId, String name) {
        String folded = Candidate.fold(name);
        return new Person("name:" + ballotId + ":" + folded, folded, null, null);
    }

    /** A Democracy Club (YourNextRepresentative) person: key {@code ynr:<id>}. */
    public static Person ynr(String personId, String name) {
        return new Person("ynr:" + personId.strip(), name, null, null);
    }
}
