package org.tallyroom.io.uk;

import java.util.Objects;

/**
 * A party as a results file names it.
 *
 * @param name                   the party's name ("Labour", "Labour Party"); for London 2022 the
 *                               official name from the party-name lookup
 * @param abbreviation           the file's short code ("Lab", "LAB", "Con"); empty if none
 * @param electoralCommissionId  the Electoral Commission register id ("PP53"); empty where the file
 *                               has none (independents, and files without the column)
 */
public record Party(String name, String abbreviation, String electoralCommissionId) {
    public Party {
        Objects.requireNonNull(name, "name");
        abbreviation = abbreviation == null ? "" : abbreviation;
        electoralCommissionId = electoralCommissionId == null ? "" : electoralCommissionId;
    }
}
