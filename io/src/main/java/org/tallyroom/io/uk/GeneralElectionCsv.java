package org.tallyroom.io.uk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.io.InputException;

/**
 * The House of Commons Library's general election CSVs (2017 and 2019 layouts), one reader for both.
 *
 * <p>The two years differ: 2017's by-candidate file has title-case headers ({@code ONS ID},
 * {@code Candidate first name}), Electoral Commission and MNIS party ids and Democracy Club person
 * ids; 2019's has snake-case headers ({@code ons_id}, {@code firstname}) and none of the ids. The
 * by-constituency files swap the styles and add the declared summary (first and second party,
 * electorate, valid and invalid votes, majority; 2019 also names the member). Columns are found
 * by folded name, so either layout, or a reordered one, reads the same; share and change columns
 * are ignored (they are derived).
 *
 * <p>By-candidate rows come grouped by constituency; {@link #forEachConstituency} streams one
 * {@link ConstituencyResult} per group, so a reader never holds more than one seat's rows.
 */
public final class GeneralElectionCsv {
    private GeneralElectionCsv() {
    }

    /** Streams each constituency of a by-candidate file, in file order. */
    public static void forEachConstituency(Path byCandidate, ResultConsumer<ConstituencyResult> consumer)
            throws InputException {
        Table.read(byCandidate, "general election candidates", header -> {
            Seat seat = new Seat(header);
            int first = header.require("firstname", "candidate_first_name", "first_name");
            int surname = header.require("surname", "candidate_surname");
            int gender = header.find("gender", "candidate_gender");
            int partyName = header.require("party_name");
            int partyAbbr = header.require("party_abbreviation");
            int ecId = header.find("electoral_commission_party_id");
            int votes = header.require("votes");
            int sitting = header.find("sitting_mp");
            int former = header.find("former_mp");
            int dcId = header.find("democracy_club_person_id");
            Table.Runs<String, Entry> runs = new Table.Runs<>((id, line, entries) ->
                    consumer.accept(new ConstituencyResult(entries.get(0).seat(),
                            entries.stream().map(Entry::candidate).toList(), line)));
            return new Table.RowHandler() {
                private Constituency last;

                @Override
                public void row(Table.Row row) throws InputException {
                    Constituency c = seat.of(row);
                    if (last != null && last.onsId().equals(c.onsId()) && !last.name().equals(c.name())) {
                        throw row.error(seat.name, "the name " + InputException.quote(last.name())
                                + " for " + c.onsId() + " as on the rows before", c.name());
                    }
                    last = c;
                    ParliamentaryCandidate candidate = new ParliamentaryCandidate(row.text(first),
                            row.required(surname, "a surname"), row.text(gender),
                            new Party(row.required(partyName, "a party name"), row.text(partyAbbr),
                                    row.text(ecId)),
                            row.count(votes, "votes"),
                            sitting >= 0 && row.flag(sitting, "the sitting MP flag", "Yes", "No"),
                            former >= 0 && row.flag(former, "the former MP flag", "Yes", "No"),
                            row.text(dcId), row.line());
                    runs.add(c.onsId(), row, seat.onsId, new Entry(c, candidate));
                }

                @Override
                public void end() throws InputException {
                    runs.flush();
                }
            };
        });
    }

    /** Every constituency of a by-candidate file, in file order. */
    public static List<ConstituencyResult> readByCandidate(Path byCandidate) throws InputException {
        List<ConstituencyResult> out = new ArrayList<>();
        forEachConstituency(byCandidate, out::add);
        return out;
    }

    /** Every row of a by-constituency file, in file order. */
    public static List<ConstituencyDeclaration> readByConstituency(Path byConstituency) throws InputException {
        List<ConstituencyDeclaration> out = new ArrayList<>();
        Table.read(byConstituency, "general election constituencies", header -> {
            Seat seat = new Seat(header);
            int time = header.find("declaration_time");
            int result = header.require("result");
            int firstParty = header.require("first_party");
            int secondParty = header.require("second_party");
            int electorate = header.require("electorate");
            int valid = header.require("valid_votes");
            int invalid = header.require("invalid_votes");
            int majority = header.require("majority");
            int memberFirst = header.find("member_first_name");
            int memberSurname = header.find("member_surname");
            return row -> out.add(new ConstituencyDeclaration(seat.of(row), row.text(time),
                    row.required(result, "a result"), row.required(firstParty, "the winning party"),
                    row.text(secondParty), row.count(electorate, "the electorate"),
                    row.count(valid, "valid votes"), row.count(invalid, "invalid votes"),
                    row.count(majority, "the majority"), row.text(memberFirst), row.text(memberSurname),
                    row.line()));
        });
        return out;
    }

    private record Entry(Constituency seat, ParliamentaryCandidate candidate) {
    }

    /** The constituency columns both files share. */
    private static final class Seat {
        final int onsId;
        final int name;
        final int regionId;
        final int region;
        final int country;
        final int county;
        final int type;

        Seat(Table.Header header) throws InputException {
            onsId = header.require("ons_id");
            name = header.require("constituency_name");
            regionId = header.find("ons_region_id");
            region = header.find("region_name");
            country = header.find("country_name");
            county = header.find("county_name");
            type = header.find("constituency_type");
        }

        Constituency of(Table.Row row) throws InputException {
            String id = row.required(onsId, "an ONS constituency id");
            if (!id.matches("[EWSN]\\d{8}")) {
                throw row.error(onsId, "an ONS constituency id such as E14000634", id);
            }
            return new Constituency(id, row.required(name, "a constituency name"), row.text(regionId),
                    row.text(region), row.text(country), row.text(county), row.text(type));
        }
    }
}
