package org.tallyroom.store.nist;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.io.Counts;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputFile;
import org.tallyroom.io.InputException;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a NIST SP 1500-100 v2 ElectionReport (JSON) as {@link NistCdfWriter} writes it, and as far as
 * possible as others do: every CandidateContest needs a Democracy Club ballot id (ExternalIdentifier
 * {@code other}/{@code democracyclub-ballot-id}); the rest is optional. The method comes from
 * VoteVariation (plurality, n-of-m, rcv) or OtherVoteVariation. Vote counts are read as exact decimals.
 * Errors name the file and the JSON path of the element at fault (JSON has no useful line for a
 * missing element; syntax errors give line and column).
 */
public final class NistCdfReader {
    public static final String NAME = "nist-cdf";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private NistCdfReader() {
    }

    public static void load(Path path, Ingest ingest) throws InputException {
        for (Declaration d : read(path)) {
            ingest.declare(d);
        }
    }

    public static List<Declaration> read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        JsonNode root;
        try {
            byte[] bytes = InputFile.read(path); // size and line limits, encoding
            root = MAPPER.readTree(new String(bytes, InputFile.charset(file, bytes, 0)));
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new InputException(file, line, col, "well-formed JSON", e.getOriginalMessage());
        }
        if (!"ElectionResults.ElectionReport".equals(root.path("@type").asString(""))) {
            throw new InputException(file, 1, 1, "a NIST ElectionReport (\"@type\": \"ElectionResults.ElectionReport\")",
                    InputException.quote(root.path("@type").asString("")));
        }
        Map<String, JsonNode> units = index(root.path("GpUnit"));
        Map<String, JsonNode> parties = index(root.path("Party"));
        Map<String, JsonNode> people = index(root.path("Person"));
        String reportStatus = root.path("Status").asString("");
        List<Declaration> out = new ArrayList<>();
        JsonNode elections = root.path("Election");
        for (int ei = 0; ei < elections.size(); ei++) {
            JsonNode election = elections.get(ei);
            Map<String, JsonNode> candidates = index(election.path("Candidate"));
            JsonNode scope = units.get(election.path("ElectionScopeId").asString(""));
            String scopeName = scope == null ? null : text(scope.path("Name"));
            JsonNode contests = election.path("Contest");
            for (int ci = 0; ci < contests.size(); ci++) {
                JsonNode contest = contests.get(ci);
                String where = "/Election/" + ei + "/Contest/" + ci;
                if (!"ElectionResults.CandidateContest".equals(contest.path("@type").asString(""))) {
                    continue;
                }
                String ballotId = external(contest, NistIds.BALLOT_ID);
                if (ballotId == null) {
                    throw located(file, where, "an ExternalIdentifier of OtherType "
                            + NistIds.BALLOT_ID + " (the Democracy Club ballot id)", "none");
                }
                ElectionId id;
                try {
                    id = ElectionId.parse(ballotId);
                } catch (IllegalArgumentException e) {
                    throw located(file, where, "a Democracy Club ballot id", e.getMessage());
                }
                out.add(contest(file, where, id, contest, election, candidates, units, parties, people, scopeName, reportStatus));
            }
        }
        return out;
    }

    private static Declaration contest(String file, String where, ElectionId id, JsonNode contest, JsonNode election,
                                       Map<String, JsonNode> candidates, Map<String, JsonNode> units,
                                       Map<String, JsonNode> parties, Map<String, JsonNode> people, String scopeName,
                                       String reportStatus) throws InputException {
        String unitId = contest.path("ElectionDistrictId").asString("");
        JsonNode unit = units.get(unitId);
        int seats = contest.has("NumberElected")
                ? (int) Math.min(count(file, where + "/NumberElected", contest.get("NumberElected")), 10_000) : 1;
        String method = NistIds.method(contest.path("VoteVariation").asString(null),
                contest.path("OtherVoteVariation").asString(null), seats);
        String divisionName = unit == null || id.division() == null ? null : text(unit.path("Name"));
        String gss = unit == null ? null : external(unit, NistIds.GSS);
        BallotSpec spec = new BallotSpec(id, contest.path("Name").asString(null),
                id.type().hasOrganisation() ? scopeName : null, divisionName, gss, null, null, Math.max(1, seats), method, false);
        List<Declaration.Entry> entries = new ArrayList<>();
        int decimals = 0;
        JsonNode selections = contest.path("ContestSelection");
        for (int si = 0; si < selections.size(); si++) {
            JsonNode sel = selections.get(si);
            String candidateId = sel.path("CandidateIds").path(0).asString("");
            JsonNode cand = candidates.get(candidateId);
            if (cand == null) {
                throw located(file, where + "/ContestSelection/" + si, "CandidateIds naming a Candidate of the election",
                        InputException.quote(candidateId));
            }
            String name = text(cand.path("BallotName"));
            JsonNode person = people.get(cand.path("PersonId").asString(""));
            String key = person == null ? null : external(person, NistIds.PERSON_KEY);
            Person p = key != null ? new Person(key, person.has("FullName") ? text(person.path("FullName")) : name, null, null)
                    : Person.onBallot(id.toString(), name);
            JsonNode partyNode = parties.get(cand.path("PartyId").asString(""));
            Party party = partyNode == null ? null : new Party(external(partyNode, NistIds.EC_ID), text(partyNode.path("Name")),
                    partyNode.has("Abbreviation") ? text(partyNode.path("Abbreviation")) : null);
            BigDecimal votes = null;
            JsonNode voteCounts = sel.path("VoteCounts");
            for (int vi = 0; vi < voteCounts.size(); vi++) {
                JsonNode vc = voteCounts.get(vi);
                String at = where + "/ContestSelection/" + si + "/VoteCounts/" + vi + "/Count";
                JsonNode countNode = vc.get("Count");
                if (countNode != null && !countNode.isNumber()) {
                    throw located(file, at, "a number of votes",
                            InputException.quote(countNode.isString() ? countNode.asString() : countNode.toString()));
                }
                if ("total".equals(vc.path("Type").asString("")) && countNode != null) {
                    try {
                        // Fractions are real (STV totals after transfers); the store keeps 9 decimal places.
                        votes = Counts.votes(countNode.decimalValue(), 9);
                    } catch (Counts.Invalid e) {
                        throw located(file, at, "votes " + e.expected(), e.found());
                    }
                }
            }
            if (votes != null) {
                decimals = Math.max(decimals, Math.max(0, votes.scale()));
            }
            entries.add(new Declaration.Entry(p, party, name, null, votes,
                    "winner".equals(cand.path("PostElectionStatus").asString("")), null, null));
        }
        final int dp = decimals;
        entries = entries.stream().map(e -> e.votes() == null ? e : new Declaration.Entry(e.person(), e.party(),
                e.ballotPaperName(), e.listPosition(), e.votes().setScale(dp), e.elected(), e.rank(), e.tieBreakNote())).toList();
        String unitAt = "/GpUnit[@id=" + unitId + "]";
        Long issued = unit != null && unit.has("VotersParticipated")
                ? count(file, unitAt + "/VotersParticipated", unit.get("VotersParticipated")) : null;
        Long electorate = unit != null && unit.has("VotersRegistered")
                ? count(file, unitAt + "/VotersRegistered", unit.get("VotersRegistered")) : null;
        Long rejected = null;
        BigDecimal valid = null;
        Map<RejectionReason, Long> byReason = new EnumMap<>(RejectionReason.class);
        JsonNode ballotCounts = election.path("BallotCounts");
        String electionAt = where.substring(0, where.indexOf("/Contest/"));
        for (int bi = 0; bi < ballotCounts.size(); bi++) {
            JsonNode bc = ballotCounts.get(bi);
            if (!unitId.equals(bc.path("GpUnitId").asString(""))) {
                continue;
            }
            String bcAt = electionAt + "/BallotCounts/" + bi;
            String type = bc.path("Type").asString("");
            String other = bc.path("OtherType").asString("");
            if (type.equals("total")) {
                if (bc.has("BallotsCast") && issued == null) {
                    issued = count(file, bcAt + "/BallotsCast", bc.get("BallotsCast"));
                }
                if (bc.has("BallotsRejected")) {
                    rejected = count(file, bcAt + "/BallotsRejected", bc.get("BallotsRejected"));
                }
            } else if (type.equals("other") && other.equals(NistIds.VALID_VOTES)) {
                valid = BigDecimal.valueOf(count(file, bcAt + "/BallotsCast", bc.get("BallotsCast")));
            } else if (type.equals("other") && other.startsWith(NistIds.REJECTED_PREFIX)) {
                String reasonId = other.substring(NistIds.REJECTED_PREFIX.length());
                RejectionReason reason = null;
                for (RejectionReason r : RejectionReason.values()) {
                    if (r.id().equals(reasonId)) {
                        reason = r;
                    }
                }
                if (reason == null) {
                    throw located(file, where, "a rejection reason id after " + NistIds.REJECTED_PREFIX,
                            InputException.quote(reasonId));
                }
                byReason.put(reason, count(file, bcAt + "/BallotsRejected", bc.get("BallotsRejected")));
            }
        }
        long[] whole = new long[entries.size()];
        for (int i = 0; i < whole.length; i++) {
            BigDecimal v = entries.get(i).votes();
            whole[i] = v == null ? 0 : v.longValue(); // floor: a fraction never breaks a whole-paper rule
        }
        try {
            Counts.againstPapers(whole, Math.max(1, seats), issued, rejected);
        } catch (Counts.Invalid e) {
            String at = e.candidate() >= 0 ? where + "/ContestSelection/" + e.candidate() : where;
            throw located(file, at, e.expected(), e.found());
        }
        ResultStatus status = ResultStatus.DECLARED;
        String statusId = external(contest, NistIds.RESULT_STATUS);
        String reason = null;
        if (statusId != null) {
            status = ResultStatus.parse(statusId);
        } else if ("in-process".equals(contest.path("CountStatus").path(0).path("Status").asString(""))
                || reportStatus.startsWith("unofficial")) {
            status = ResultStatus.PROVISIONAL;
        } else if ("correction".equals(reportStatus)) {
            status = ResultStatus.CORRECTED;
        }
        if (status == ResultStatus.CORRECTED) {
            reason = "corrected result imported from a NIST results report";
        }
        Turnout turnout;
        try {
            turnout = new Turnout(electorate, issued, valid, rejected, byReason);
        } catch (IllegalArgumentException e) {
            throw located(file, where, "rejected papers by reason to add up to at most the total",
                    e.getMessage());
        }
        return new Declaration(spec, entries, status, turnout, dp, null, null, reason);
    }

    /** An error at a JSON pointer: {@code file:0:0: /pointer: expected X, found Y}. */
    private static InputException located(String file, String pointer, String expected, String found) {
        return new InputException(file, 0, 0, pointer + ": expected " + expected + ", found " + found);
    }

    /** A whole count at {@code at} (a JSON pointer): a JSON number, whole, 0 or more, below 10^18. */
    private static long count(String file, String at, JsonNode n) throws InputException {
        if (n == null || !n.isNumber()) {
            throw located(file, at, "a whole number",
                    n == null ? "nothing" : InputException.quote(n.isString() ? n.asString() : n.toString()));
        }
        try {
            return Counts.whole(n.decimalValue());
        } catch (Counts.Invalid e) {
            throw located(file, at, "a count " + e.expected(), e.found());
        }
    }

    private static Map<String, JsonNode> index(JsonNode array) {
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode n : array) {
            m.put(n.path("@id").asString(""), n);
        }
        return m;
    }

    private static String external(JsonNode node, String otherType) {
        for (JsonNode e : node.path("ExternalIdentifier")) {
            if (otherType.equals(e.path("OtherType").asString(""))) {
                return e.path("Value").asString(null);
            }
        }
        return null;
    }

    private static String text(JsonNode internationalized) {
        JsonNode texts = internationalized.path("Text");
        for (JsonNode t : texts) {
            if (t.path("Language").asString("").startsWith("en")) {
                return t.path("Content").asString("");
            }
        }
        return texts.path(0).path("Content").asString("");
    }
}
