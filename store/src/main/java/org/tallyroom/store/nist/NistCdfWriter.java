package org.tallyroom.store.nist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Method;
import org.tallyroom.count.Methods;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.export.StoredResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * Writes stored results as a NIST SP 1500-100 v2 ElectionReport (JSON), valid against
 * data/formats/nist/NIST_V2_election_results_reporting.json.
 *
 * <p>Shape: one Election per Tallyroom election (organisation election, or group), its scope a
 * ReportingUnit named for the organisation; one CandidateContest per ballot, its district a
 * ReportingUnit for the ward or constituency (GSS code as ExternalIdentifier {@code other}/{@code gss},
 * electorate as VotersRegistered, ballot papers issued as VotersParticipated). The ballot's Democracy Club
 * id is ExternalIdentifier {@code other}/{@code democracyclub-ballot-id}. Votes are VoteCounts of Type
 * {@code total}, written as exact decimals. Rejected papers are BallotCounts: the total under Type
 * {@code total}, each statutory reason under Type {@code other}, OtherType {@code rejected:<reason id>};
 * valid votes under OtherType {@code valid-votes}. The result's status goes in the report Status
 * (certified, or correction if any result was corrected, or unofficial-partial if any is provisional)
 * and, exactly, in a contest ExternalIdentifier {@code tallyroom-result-status}.
 */
public final class NistCdfWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private NistCdfWriter() {
    }

    public static String write(List<StoredResult> results, Instant generated, String vendor) {
        ObjectNode report = F.objectNode();
        report.put("@type", "ElectionResults.ElectionReport");
        report.put("Format", "summary-contest");
        report.put("GeneratedDate", generated.truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("Issuer", "Tallyroom");
        report.put("IssuerAbbreviation", "Tallyroom");
        report.put("SequenceStart", 1);
        report.put("SequenceEnd", 1);
        report.put("Status", status(results));
        report.put("VendorApplicationId", vendor);
        ArrayNode gpUnits = report.putArray("GpUnit");
        ArrayNode parties = report.putArray("Party");
        ArrayNode people = report.putArray("Person");
        ArrayNode elections = report.putArray("Election");
        Map<String, String> partyIds = new LinkedHashMap<>();
        Map<String, String> personIds = new LinkedHashMap<>();
        Map<String, List<StoredResult>> byElection = new LinkedHashMap<>();
        for (StoredResult r : results) {
            byElection.computeIfAbsent(r.ballot().electionId(), k -> new java.util.ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<StoredResult>> e : byElection.entrySet()) {
            BallotView first = e.getValue().get(0).ballot();
            String scopeId = "ru-" + e.getKey();
            ObjectNode scope = gpUnits.addObject();
            scope.put("@id", scopeId);
            scope.put("@type", "ElectionResults.ReportingUnit");
            ArrayNode composing = scope.putArray("ComposingGpUnitIds");
            scope.set("Name", text(first.organisation() != null ? first.organisation() : first.electionName()));
            scope.put("Type", "other");
            scope.put("OtherType", "election-area");
            ObjectNode election = elections.addObject();
            election.put("@type", "ElectionResults.Election");
            ArrayNode ballotCounts = election.putArray("BallotCounts");
            ArrayNode candidates = election.putArray("Candidate");
            ArrayNode contests = election.putArray("Contest");
            election.put("ElectionScopeId", scopeId);
            election.put("EndDate", first.date().toString());
            election.set("ExternalIdentifier", F.arrayNode().add(external(NistIds.ELECTION_ID, e.getKey())));
            election.set("Name", text(first.electionName()));
            election.put("StartDate", first.date().toString());
            election.put("Type", e.getValue().stream().allMatch(r -> r.ballot().byElection()) ? "special" : "general");
            for (StoredResult r : e.getValue()) {
                BallotView b = r.ballot();
                String unitId = "ru-" + b.ballotId();
                composing.add(unitId);
                ObjectNode unit = gpUnits.addObject();
                unit.put("@id", unitId);
                unit.put("@type", "ElectionResults.ReportingUnit");
                if (b.gss() != null) {
                    unit.set("ExternalIdentifier", F.arrayNode().add(external(NistIds.GSS, b.gss())));
                }
                unit.set("Name", text(b.division() != null ? b.division() : b.name()));
                unit.put("Type", "other");
                unit.put("OtherType", "electoral-division");
                ResultVersion v = r.current();
                Turnout t = v == null ? Turnout.UNKNOWN : v.turnout();
                if (t.ballotPapersIssued() != null) {
                    unit.put("VotersParticipated", t.ballotPapersIssued());
                }
                if (t.electorate() != null) {
                    unit.put("VotersRegistered", t.electorate());
                }
                ballotCounts(ballotCounts, unitId, t);
                ObjectNode contest = contests.addObject();
                contest.put("@id", "con-" + b.ballotId());
                contest.put("@type", "ElectionResults.CandidateContest");
                ArrayNode selections = contest.putArray("ContestSelection");
                contest.set("CountStatus", F.arrayNode().add(F.objectNode().put("@type", "ElectionResults.CountStatus")
                        .put("Status", v == null ? "not-processed" : v.status() == ResultStatus.PROVISIONAL ? "in-process" : "completed")
                        .put("Type", "total")));
                contest.put("ElectionDistrictId", unitId);
                ArrayNode ext = contest.putArray("ExternalIdentifier");
                ext.add(external(NistIds.BALLOT_ID, b.ballotId()));
                if (v != null) {
                    ext.add(external(NistIds.RESULT_STATUS, v.status().id()));
                }
                contest.put("Name", b.name());
                contest.put("NumberElected", b.seats());
                String method = b.votingSystem();
                String variation = method == null ? null : NistIds.VARIATION.getOrDefault(method, "other");
                if ("other".equals(variation)) {
                    contest.put("OtherVoteVariation", method);
                }
                if (variation != null) {
                    contest.put("VoteVariation", variation);
                }
                contest.put("VotesAllowed", method == null || Methods.is(method, Method.Kind.PLURALITY)
                        ? b.seats() : Math.max(1, b.candidates().size()));
                Map<Long, ResultVersion.Figures> figures = new LinkedHashMap<>();
                if (v != null) {
                    v.candidates().forEach(f -> figures.put(f.candidate().id(), f));
                }
                for (BallotView.Candidate c : b.candidates()) {
                    String candidateId = "can-" + b.ballotId() + "-" + c.position();
                    ObjectNode cand = candidates.addObject();
                    cand.put("@id", candidateId);
                    cand.put("@type", "ElectionResults.Candidate");
                    cand.set("BallotName", text(c.name()));
                    if (c.party() != null) {
                        cand.put("PartyId", partyIds.computeIfAbsent(partyKey(c), k -> {
                            String id = "par-" + (partyIds.size() + 1);
                            parties.add(party(id, c));
                            return id;
                        }));
                    }
                    cand.put("PersonId", personIds.computeIfAbsent(c.personKey(), k -> {
                        String id = "per-" + (personIds.size() + 1);
                        people.add(F.objectNode().put("@id", id).put("@type", "ElectionResults.Person")
                                .set("ExternalIdentifier", F.arrayNode().add(external(NistIds.PERSON_KEY, k))));
                        ((ObjectNode) people.get(people.size() - 1)).set("FullName", text(c.name()));
                        return id;
                    }));
                    ResultVersion.Figures f = figures.get(c.id());
                    if (f != null) {
                        cand.put("PostElectionStatus", f.elected() ? "winner" : "defeated");
                    }
                    ObjectNode sel = selections.addObject();
                    sel.put("@id", "cs-" + b.ballotId() + "-" + c.position());
                    sel.put("@type", "ElectionResults.CandidateSelection");
                    sel.set("CandidateIds", F.arrayNode().add(candidateId));
                    sel.put("SequenceOrder", c.position());
                    if (f != null && f.votes() != null) {
                        sel.set("VoteCounts", F.arrayNode().add(F.objectNode().put("@type", "ElectionResults.VoteCounts")
                                .put("Count", count(f.votes())).put("GpUnitId", unitId).put("Type", "total")));
                    }
                }
            }
        }
        return MAPPER.writeValueAsString(report);
    }

    private static BigDecimal count(BigDecimal votes) {
        return votes;
    }

    private static void ballotCounts(ArrayNode out, String unitId, Turnout t) {
        if (t.ballotPapersIssued() != null || t.rejected() != null) {
            ObjectNode total = out.addObject().put("@type", "ElectionResults.BallotCounts");
            if (t.ballotPapersIssued() != null) {
                total.put("BallotsCast", t.ballotPapersIssued());
            }
            if (t.rejected() != null) {
                total.put("BallotsRejected", t.rejected());
            }
            total.put("GpUnitId", unitId).put("Type", "total");
        }
        for (Map.Entry<RejectionReason, Long> e : t.rejectedByReason().entrySet()) {
            out.addObject().put("@type", "ElectionResults.BallotCounts").put("BallotsRejected", e.getValue())
                    .put("GpUnitId", unitId).put("OtherType", NistIds.REJECTED_PREFIX + e.getKey().id()).put("Type", "other");
        }
        if (t.valid() != null && t.valid().stripTrailingZeros().scale() <= 0) {
            out.addObject().put("@type", "ElectionResults.BallotCounts").put("BallotsCast", t.valid().longValueExact())
                    .put("GpUnitId", unitId).put("OtherType", NistIds.VALID_VOTES).put("Type", "other");
        }
    }

    private static String partyKey(BallotView.Candidate c) {
        return c.partyEcId() != null ? c.partyEcId() : "name:" + c.party();
    }

    private static ObjectNode party(String id, BallotView.Candidate c) {
        ObjectNode p = F.objectNode();
        p.put("@id", id);
        p.put("@type", "ElectionResults.Party");
        if (c.partyAbbreviation() != null) {
            p.set("Abbreviation", text(c.partyAbbreviation()));
        }
        if (c.partyEcId() != null) {
            p.set("ExternalIdentifier", F.arrayNode().add(external(NistIds.EC_ID, c.partyEcId())));
        }
        p.set("Name", text(c.party()));
        return p;
    }

    private static String status(List<StoredResult> results) {
        boolean anyProvisional = false;
        boolean anyCorrected = false;
        boolean anyResult = false;
        for (StoredResult r : results) {
            if (r.current() != null) {
                anyResult = true;
                anyProvisional |= r.current().status() == ResultStatus.PROVISIONAL;
                anyCorrected |= r.current().status() == ResultStatus.CORRECTED;
            }
        }
        return !anyResult ? "pre-election" : anyProvisional ? "unofficial-partial" : anyCorrected ? "correction" : "certified";
    }

    static ObjectNode external(String otherType, String value) {
        return F.objectNode().put("@type", "ElectionResults.ExternalIdentifier").put("OtherType", otherType)
                .put("Type", "other").put("Value", value);
    }

    static ObjectNode text(String s) {
        ObjectNode t = F.objectNode();
        t.put("@type", "ElectionResults.InternationalizedText");
        t.set("Text", F.arrayNode().add(F.objectNode().put("@type", "ElectionResults.LanguageString")
                .put("Content", s).put("Language", "en")));
        return t;
    }
}
