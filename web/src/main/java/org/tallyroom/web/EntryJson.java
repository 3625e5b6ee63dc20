package org.tallyroom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tallyroom.io.Counts;
import org.tallyroom.store.BallotView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads figures sent for a ballot, from a JSON body or from the entry form.
 *
 * <p>JSON: {@code {"votes": [n, ...]}} in ballot-paper order, or {@code {"votes": {"Name": n, ...}}};
 * for a supplementary vote also {@code "second": [...]}; for a preferential count instead
 * {@code "papers": [{"count": n, "ranking": [2, 1, 3]}]} (candidates by ballot-paper number from 1,
 * or by name); and optionally {@code electorate}, {@code ballotPapersIssued}, {@code rejected},
 * {@code reason}. Anything else is refused with 400 and a message saying what was expected.
 */
public final class EntryJson {
    private EntryJson() {
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return WebServer.JSON.createObjectNode();
        }
        try {
            JsonNode n = WebServer.JSON.readTree(body);
            if (!n.isObject()) {
                throw HttpError.badRequest("expected a JSON object, found " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            return n;
        } catch (JacksonException e) {
            String at = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw HttpError.badRequest("expected JSON" + at + ": " + e.getOriginalMessage());
        }
    }

    public static ResultEntry.Figures figures(String body, BallotView ballot) {
        JsonNode n = parse(body);
        List<BallotView.Candidate> cands = ballot.candidates();
        long[] votes = null;
        long[] second = null;
        List<ResultEntry.Paper> papers = null;
        if (n.has("votes")) {
            votes = column(n.get("votes"), cands, "votes");
        }
        if (n.has("second")) {
            second = column(n.get("second"), cands, "second");
        }
        if (n.has("papers")) {
            JsonNode p = n.get("papers");
            if (!p.isArray()) {
                throw HttpError.badRequest("expected papers as an array of {\"count\": n, \"ranking\": [...]}");
            }
            papers = new ArrayList<>();
            for (int pi = 0; pi < p.size(); pi++) {
                JsonNode x = p.get(pi);
                long count = whole(x.get("count"), "/papers/" + pi + "/count", "a count of papers");
                JsonNode rk = x.get("ranking");
                if (rk == null || !rk.isArray() || rk.isEmpty()) {
                    throw HttpError.badRequest("expected a ranking of at least one candidate in each bundle of papers");
                }
                int[] ranking = new int[rk.size()];
                for (int i = 0; i < rk.size(); i++) {
                    ranking[i] = candidate(rk.get(i), cands);
                }
                papers.add(new ResultEntry.Paper(count, ranking));
            }
        }
        for (String k : n.propertyNames()) {
            if (!List.of("votes", "second", "papers", "electorate", "ballotPapersIssued", "rejected", "reason").contains(k)) {
                throw HttpError.badRequest("unexpected field '" + k + "'; expected votes, second, papers, electorate, "
                        + "ballotPapersIssued, rejected, reason");
            }
        }
        ResultEntry.Figures f = new ResultEntry.Figures(votes, second, papers, optional(n, "electorate"),
                optional(n, "ballotPapersIssued"), optional(n, "rejected"), n.has("reason") ? n.get("reason").asString() : null);
        check(f, ballot, JSON_FIELDS);
        return f;
    }

    /** How the entry's fields are named in a message: JSON pointers for the API, form fields for the form. */
    private interface FieldNames {
        String votes(int candidate);

        String papers();

        String issued();

        String rejected();
    }

    private static final FieldNames JSON_FIELDS = new FieldNames() {
        public String votes(int candidate) {
            return "/votes/" + candidate;
        }

        public String papers() {
            return "/papers";
        }

        public String issued() {
            return "/ballotPapersIssued";
        }

        public String rejected() {
            return "/rejected";
        }
    };

    private static FieldNames formFields(BallotView ballot) {
        return new FieldNames() {
            public String votes(int candidate) {
                return "votes-" + ballot.candidates().get(candidate).position();
            }

            public String papers() {
                return "papers";
            }

            public String issued() {
                return "issued";
            }

            public String rejected() {
                return "rejected";
            }
        };
    }

    /**
     * The rules the file readers apply ({@link Counts}), applied to an entry from the API or the form
     * alike: every figure a whole number below 10^18 (checked as it is read) and the votes within the
     * ballot paper account where it is given: no candidate more votes than valid papers, all votes
     * together at most the valid papers times the seats, rejected papers at most those issued.
     */
    static void check(ResultEntry.Figures f, BallotView ballot, FieldNames names) {
        try {
            if (f.votes() != null) {
                Counts.againstPapers(f.votes(), ballot.seats(), f.ballotPapersIssued(), f.rejected());
            } else if (f.papers() != null) {
                long total = 0;
                for (ResultEntry.Paper p : f.papers()) {
                    total = Math.addExact(total, p.count());
                }
                Counts.againstPapers(new long[] {total}, 1, f.ballotPapersIssued(), f.rejected());
            } else {
                Counts.againstPapers(new long[0], 1, f.ballotPapersIssued(), f.rejected());
            }
        } catch (Counts.Invalid e) {
            String field = e.candidate() < 0 ? names.issued()
                    : f.votes() != null ? names.votes(e.candidate()) : names.papers();
            if (e.expected().startsWith("rejected")) {
                field = names.rejected();
            }
            throw HttpError.badRequest(field + ": " + e.getMessage());
        } catch (ArithmeticException e) {
            throw HttpError.badRequest(names.papers() + ": expected papers adding up to below 10^18");
        }
    }

    private static Long optional(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull() ? whole(n.get(field), "/" + field, field) : null;
    }

    /** A whole count at a JSON pointer, by the same rule as the file readers (0 or more, below 10^18). */
    private static long whole(JsonNode v, String pointer, String what) {
        if (v == null || !v.isNumber()) {
            throw HttpError.badRequest(pointer + ": expected " + what + " as a whole number of 0 or more, found "
                    + (v == null ? "nothing" : v));
        }
        try {
            return Counts.whole(v.decimalValue());
        } catch (Counts.Invalid e) {
            throw HttpError.badRequest(pointer + ": expected " + what + " " + e.expected() + ", found " + e.found());
        }
    }

    private static int candidate(JsonNode v, List<BallotView.Candidate> cands) {
        if (v.isIntegralNumber()) {
            int i = v.asInt();
            if (i < 1 || i > cands.size()) {
                throw HttpError.badRequest("expected candidates numbered 1 to " + cands.size() + ", found " + i);
            }
            return i - 1;
        }
        String name = v.asString();
        for (int i = 0; i < cands.size(); i++) {
            if (cands.get(i).name().equals(name)) {
                return i;
            }
        }
        throw HttpError.badRequest("expected a candidate on this ballot, found '" + name + "'");
    }

    private static long[] column(JsonNode v, List<BallotView.Candidate> cands, String what) {
        long[] out = new long[cands.size()];
        if (v.isArray()) {
            if (v.size() != cands.size()) {
                throw HttpError.badRequest("expected " + what + " for " + cands.size() + " candidates, found " + v.size());
            }
            for (int i = 0; i < v.size(); i++) {
                out[i] = whole(v.get(i), "/" + what + "/" + i, what);
            }
            return out;
        }
        if (v.isObject()) {
            boolean[] seen = new boolean[cands.size()];
            for (String name : v.propertyNames()) {
                int i = candidate(WebServer.JSON.getNodeFactory().textNode(name), cands);
                out[i] = whole(v.get(name), "/" + what + "/" + i, what + " for " + name);
                seen[i] = true;
            }
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i]) {
                    throw HttpError.badRequest("expected " + what + " for " + cands.get(i).name() + ", found none");
                }
            }
            return out;
        }
        throw HttpError.badRequest("expected " + what + " as an array in ballot-paper order or an object by name");
    }

    /**
     * A new ballot, for an administrator: {@code {"ballotId": "local.x.y.2026-05-07", "name": "Y",
     * "seats": 1, "votingSystem": "fptp", "electionName": "X 2026", "candidates": [{"name": "A B",
     * "party": "Labour Party", "partyId": "PP53", "partyShort": "Lab"}]}} (ballot-paper order).
     */
    public static org.tallyroom.store.Declaration ballot(JsonNode n) {
        String id = n.path("ballotId").asString(null);
        if (id == null) {
            throw HttpError.badRequest("expected ballotId, a Democracy Club ballot id");
        }
        org.tallyroom.store.id.ElectionId eid;
        try {
            eid = org.tallyroom.store.id.ElectionId.parse(id);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        if (!eid.isBallot()) {
            throw HttpError.badRequest("expected a ballot id, found the election id " + id);
        }
        long seatsGiven = n.has("seats") ? whole(n.get("seats"), "/seats", "seats") : 1;
        if (seatsGiven < 1 || seatsGiven > 1000) {
            throw HttpError.badRequest("/seats: expected seats from 1 to 1000, found " + seatsGiven);
        }
        int seats = (int) seatsGiven;
        String system = n.path("votingSystem").asString(null);
        if (system != null && org.tallyroom.count.Methods.byId(system).isEmpty()) {
            throw HttpError.badRequest("expected a voting system (" + String.join(", ", org.tallyroom.count.Methods.ids())
                    + "), found '" + system + "'");
        }
        JsonNode cs = n.path("candidates");
        if (!cs.isArray() || cs.isEmpty()) {
            throw HttpError.badRequest("expected candidates: [{\"name\": ..., \"party\": ...}] in ballot-paper order");
        }
        List<org.tallyroom.store.Declaration.Entry> entries = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (JsonNode c : cs) {
            String name = c.path("name").asString("").strip();
            if (name.isEmpty() || !names.add(name)) {
                throw HttpError.badRequest("expected each candidate once, with a name; found '" + name + "'");
            }
            String party = c.path("party").asString(null);
            org.tallyroom.store.Party p = party == null || party.isBlank() ? null
                    : new org.tallyroom.store.Party(c.path("partyId").asString(null), party, c.path("partyShort").asString(null));
            entries.add(new org.tallyroom.store.Declaration.Entry(org.tallyroom.store.Person.onBallot(id, name), p, name, null,
                    null, false, null, null));
        }
        org.tallyroom.store.BallotSpec spec;
        try {
            spec = new org.tallyroom.store.BallotSpec(eid, n.path("name").asString(null), n.path("organisationName").asString(null),
                    n.path("name").asString(null), n.path("gss").asString(null), null, null, seats, system, false);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        if (spec.votingSystem() == null) {
            throw HttpError.badRequest("expected votingSystem (" + String.join(", ", org.tallyroom.count.Methods.ids())
                    + "): there is no default for " + id + " without its nation");
        }
        return new org.tallyroom.store.Declaration(spec, entries, org.tallyroom.store.ResultStatus.DECLARED,
                org.tallyroom.store.Turnout.UNKNOWN, 0, null, null, null);
    }

    /** The entry form: votes-N (ballot-paper position N), second-N, papers (lines "count: a b c"), electorate... */
    public static ResultEntry.Figures fromForm(Map<String, List<String>> form, BallotView ballot) {
        List<BallotView.Candidate> cands = ballot.candidates();
        String papersText = first(form, "papers");
        List<ResultEntry.Paper> papers = null;
        long[] votes = null;
        long[] second = null;
        if (papersText != null && !papersText.isBlank()) {
            papers = new ArrayList<>();
            int line = 0;
            for (String raw : papersText.split("\\R")) {
                line++;
                String l = raw.strip();
                if (l.isEmpty()) {
                    continue;
                }
                int colon = l.indexOf(':');
                if (colon < 0) {
                    throw HttpError.badRequest("papers line " + line + ": expected 'count: candidate numbers', found '" + l + "'");
                }
                long count = number(l.substring(0, colon), "papers line " + line + " count");
                String[] parts = l.substring(colon + 1).strip().split("[\\s,>]+");
                int[] ranking = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    long c = number(parts[i], "papers line " + line + " candidate");
                    if (c < 1 || c > cands.size()) {
                        throw HttpError.badRequest("papers line " + line + ": expected candidates numbered 1 to " + cands.size()
                                + ", found " + c);
                    }
                    ranking[i] = (int) c - 1;
                }
                papers.add(new ResultEntry.Paper(count, ranking));
            }
        } else if (cands.stream().anyMatch(c -> first(form, "votes-" + c.position()) != null)) {
            votes = new long[cands.size()];
            for (int i = 0; i < cands.size(); i++) {
                String v = first(form, "votes-" + cands.get(i).position());
                if (v == null || v.isBlank()) {
                    throw HttpError.badRequest("expected votes for " + cands.get(i).name() + ", found none");
                }
                votes[i] = number(v, "votes for " + cands.get(i).name());
            }
            if (cands.stream().anyMatch(c -> notBlank(first(form, "second-" + c.position())))) {
                second = new long[cands.size()];
                for (int i = 0; i < cands.size(); i++) {
                    String v = first(form, "second-" + cands.get(i).position());
                    second[i] = notBlank(v) ? number(v, "second preferences for " + cands.get(i).name()) : 0;
                }
            }
        }
        ResultEntry.Figures f = new ResultEntry.Figures(votes, second, papers, optionalNumber(form, "electorate"),
                optionalNumber(form, "issued"), optionalNumber(form, "rejected"), first(form, "reason"));
        check(f, ballot, formFields(ballot));
        return f;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Long optionalNumber(Map<String, List<String>> form, String key) {
        String v = first(form, key);
        return notBlank(v) ? number(v, key) : null;
    }

    /** A count typed into the form, by the file readers' rule ({@link Counts#parse}). */
    private static long number(String s, String what) {
        try {
            return Counts.parse(s);
        } catch (Counts.Invalid e) {
            throw HttpError.badRequest("expected " + what + " " + e.expected() + ", found " + e.found());
        }
    }
}
