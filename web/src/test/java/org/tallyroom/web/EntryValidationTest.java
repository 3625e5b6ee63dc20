package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.testing.TestDatabase;

/** Issue 10, item 4: the results entry refuses out-of-range and inconsistent figures with 400, naming the field. */
class EntryValidationTest {
    private static final BallotView WARD = new BallotView("local.x.two-seats.2026-05-07", "Two Seats", "local.x.2026-05-07",
            "X 2026", "X", "Two Seats", null, null, 2, "block", false, false, List.of(
            candidate(1, "Ann"), candidate(2, "Ben"), candidate(3, "Cat"), candidate(4, "Dan")));

    private static BallotView.Candidate candidate(int position, String name) {
        return new BallotView.Candidate(position, position, name, "p" + position, null, null, null, null);
    }

    @Test
    void outOfRangeFigures_areRefusedNamingTheField() {
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": [1, 99999999999999999999999, 3, 4]}", WARD))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("/votes/1: expected votes below 10^18, found 99999999999999999999999");
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": [1, 1000000000000000000, 3, 4]}", WARD))
                .hasMessage("/votes/1: expected votes below 10^18, found 1000000000000000000");
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": [1, 2, 3.5, 4]}", WARD))
                .hasMessage("/votes/2: expected votes as a whole number, found 3.5");
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": {\"Ann\": 1, \"Ben\": 2, \"Cat\": -3, \"Dan\": 4}}", WARD))
                .hasMessage("/votes/2: expected votes for Cat of 0 or more, found -3");
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": [1, 2, 3, 4], \"electorate\": 1e30}", WARD))
                .hasMessageStartingWith("/electorate: expected electorate below 10^18");
        // the form: the same rule as the file readers, thousands in threes
        assertThatThrownBy(() -> EntryJson.fromForm(Map.of("votes-1", List.of("1,2"), "votes-2", List.of("1"),
                "votes-3", List.of("1"), "votes-4", List.of("1")), WARD))
                .hasMessage("expected votes for Ann as a whole number with thousands separators in groups of three (1,234),"
                        + " found '1,2'");
        assertThatThrownBy(() -> EntryJson.fromForm(Map.of("votes-1", List.of("1000000000000000000"), "votes-2",
                List.of("1"), "votes-3", List.of("1"), "votes-4", List.of("1")), WARD))
                .hasMessageContaining("below 10^18");
    }

    @Test
    void brokenJson_saysWhere() {
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": [1, 2,\n  3 4]}", WARD))
                .hasMessageStartingWith("expected JSON at line 2, column ");
    }

    @Test
    void figuresThatDoNotFitThePapers_areRefused() {
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": [3, 3, 3, 1], \"ballotPapersIssued\": 3}", WARD))
                .hasMessage("/ballotPapersIssued: expected votes adding up to at most 6 (3 valid papers with 2 votes each),"
                        + " found 10 votes");
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": [4, 3, 2, 1], \"ballotPapersIssued\": 3}", WARD))
                .hasMessageStartingWith("/votes/0: expected at most 3 votes for candidate 1");
        assertThatThrownBy(() -> EntryJson.figures("{\"votes\": [1, 1, 1, 1], \"ballotPapersIssued\": 3, \"rejected\": 4}", WARD))
                .hasMessageStartingWith("/rejected: expected rejected papers of at most the 3 ballot papers issued");
        assertThatThrownBy(() -> EntryJson.fromForm(Map.of("votes-1", List.of("3"), "votes-2", List.of("3"),
                "votes-3", List.of("3"), "votes-4", List.of("1"), "issued", List.of("3")), WARD))
                .hasMessageStartingWith("issued: expected votes adding up to at most 6");
        assertThat(EntryJson.figures("{\"votes\": [3, 3, 0, 0], \"ballotPapersIssued\": 3}", WARD).votes())
                .containsExactly(3, 3, 0, 0);
    }

    @Test
    void theApiAnswers400_not500() {
        Running s = ApiTest.on(TestDatabase.H2);
        String ward = s.freshWard();
        String clerk = "Bearer " + s.token("clerk");
        String votes = s.votesJson(ward);
        String huge = votes.replaceFirst("\\[\\d+", "[99999999999999999999999");
        HttpResponse<String> r = s.post("/api/ballots/" + ward + "/provisional", huge, "Authorization", clerk);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Running.json(r).get("error").asString()).isEqualTo(
                "/votes/0: expected votes below 10^18, found 99999999999999999999999");
    }
}
