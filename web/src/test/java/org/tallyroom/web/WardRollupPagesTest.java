package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.gla.London2016;
import org.tallyroom.io.gla.WardResultsFile;
import org.tallyroom.io.gla.WardRow;
import org.tallyroom.store.Store;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.London2016Importer;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The 2016 GLA ward results added up by borough and constituency on the pages and in the API. */
class WardRollupPagesTest {
    @TempDir
    static Path dir;
    static Store store;
    static WebServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path gla = SharedData.path("uk/london-2016");
        store = Store.open(TestDatabase.H2.freshUrl(dir));
        store.importSource(London2016Importer.source(gla), London2016Importer.NAME, "test",
                in -> London2016Importer.load(gla, in));
        server = new WebServer(store);
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Barnet's rows of the mayoral file: its ward codes in London Elects' 2014 borough file, and its postal votes. */
    private static long[] barnetFromTheFile(WardResultsFile first) throws Exception {
        Set<String> codes = new HashSet<>();
        try (var csv = CsvReader.builder().detectBomHeader(true)
                .ofNamedCsvRecord(SharedData.path("uk/london-boroughs/2014-candidates.csv"))) {
            csv.forEach(r -> {
                if (r.getField("Borough_name").equals("Barnet")) {
                    codes.add(r.getField("Ward_code"));
                }
            });
        }
        List<WardRow> rows = first.rows().stream()
                .filter(r -> codes.contains(r.gssCode()) || r.ward().equals("Barnet Postal")).toList();
        return first.totals(rows);
    }

    @Test
    void mayorByBorough_page_showsEachBoroughsLeader_enGbFigures_andTheCheck() throws Exception {
        WardResultsFile first = London2016.read(SharedData.path("uk/london-2016")).mayorFirstPreferences();
        long[] barnet = barnetFromTheFile(first);
        int lead = 0;
        long sum = 0;
        for (int i = 0; i < barnet.length; i++) {
            lead = barnet[i] > barnet[lead] ? i : lead;
            sum += barnet[i];
        }
        HttpResponse<String> r = get("/ballots/mayor.london.2016-05-05/wards?by=borough");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("<h1>Mayor of London by borough</h1>", "of which postal votes", "City of London",
                "The borough totals add up to the declared total of every candidate", WardRollups.TURNOUT)
                .doesNotContain("<tr class=\"mismatch\">");
        int row = html.indexOf("<th scope=\"row\">Barnet</th>");
        assertThat(row).isPositive();
        String barnetRow = html.substring(row, html.indexOf("</tr>", row));
        assertThat(barnetRow).contains(String.format(Locale.UK, "%,d", sum))
                .endsWith("<td>" + first.candidates().get(lead) + "</td>");
        assertThat(first.candidates().get(lead)).isEqualTo("Zac GOLDSMITH");
        assertThat(html).contains("href=\"/ballots/mayor.london.2016-05-05/wards?by=constituency\"");
    }

    @Test
    void theBallotPage_linksToTheRollups() throws Exception {
        HttpResponse<String> r = get("/ballots/gla.c.barnet-and-camden.2016-05-05");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/ballots/gla.c.barnet-and-camden.2016-05-05/wards?by=borough\"");
    }

    @Test
    void api_listByConstituency_fourteenAreas_addingUpToTheDeclaration() throws Exception {
        HttpResponse<String> r = get("/api/ballots/gla.a.2016-05-05/wards?by=constituency");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = JsonMapper.builder().build().readTree(r.body());
        assertThat(j.path("rollup").path("by").asString()).isEqualTo("constituency");
        assertThat(j.path("rollup").path("areas").size()).isEqualTo(14);
        assertThat(j.path("rollup").path("check").path("agrees").asBoolean()).isTrue();
        JsonNode share = j.path("rollup").path("areas").get(0).path("line").path("shares").get(0).path("share");
        assertThat(share.has("numerator") && share.has("denominator") && share.has("percent")).isTrue();
    }

    @Test
    void badLevel_is400_unknownBallot_is404() throws Exception {
        assertThat(get("/api/ballots/gla.a.2016-05-05/wards?by=ward").statusCode()).isEqualTo(400);
        assertThat(get("/ballots/gla.a.2016-05-05/wards?by=ward").statusCode()).isEqualTo(400);
        assertThat(get("/api/ballots/mayor.nowhere.2016-05-05/wards").statusCode()).isEqualTo(404);
        assertThat(get("/ballots/mayor.nowhere.2016-05-05/wards?by=borough").statusCode()).isEqualTo(404);
    }
}
