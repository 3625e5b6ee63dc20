package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallyroom.store.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The demo's pages against the published declarations, read here from the very files the demo ships
 * (the jar's demo-data/, copied from reference-data/ by the build) with a CSV reader of the test's own,
 * not from the importers and not from constants; and the night's replay order against the declaration
 * times of the 2019 by-constituency file.
 */
class DemoFiguresTest {
    private static final String BC = "gla.c.barnet-and-camden.2016-05-05";
    private static final String CB = "parl.chipping-barnet.2019-12-12";
    private static Running s;
    /** How many of the night's declarations the test watches arrive (all 650 take minutes on a busy machine). */
    private static final int WATCHED = 60;
    private static final List<String> arrived = new ArrayList<>();

    @BeforeAll
    static void replayTheWholeNight() throws Exception {
        s = Running.start(TestDatabase.H2, Files.createTempDirectory("tallyroom-demo-figures"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var pending = s.http.sendAsync(s.request("/api/live").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(Flow.Subscription sub) {
                        sub.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String item) {
                        lines.add(item);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
        assertThat(lines.poll(60, TimeUnit.SECONDS)).isEqualTo(": connected");
        // 100,000 times faster: the 15 hours of the night in about half a second of schedule.
        Demo.Night night = s.demo.night(s.server, 100_000, Duration.ZERO);
        while (arrived.size() < WATCHED) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("live feed after " + arrived.size() + " declarations").isNotNull();
            if (line.startsWith("data:")) {
                arrived.add(WebServer.JSON.readTree(line.substring(5).strip()).get("ballotId").asString());
            }
        }
        night.close();
        assertThat(night.awaitEnd(Duration.ofMinutes(1))).isTrue();
        pending.cancel(true);
        if (s.store.currentResult(CB).isEmpty()) {
            s.demo.declare(s.server, CB);
        }
    }

    @AfterAll
    static void stop() {
        if (s != null) {
            s.close();
        }
    }

    @Test
    void declarationsArriveInTheFilesDeclarationTimeOrder() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        Map<String, LocalDateTime> declaredAt = new HashMap<>();
        List<String> fileOrder = new ArrayList<>();
        for (NamedCsvRecord r : shipped("uk/westminster/ge2019-results-by-constituency.csv")) {
            declaredAt.put(r.getField("ONS ID"), LocalDateTime.parse(r.getField("Declaration time"), f));
            fileOrder.add(r.getField("ONS ID"));
        }
        assertThat(declaredAt).hasSize(650);
        // the schedule: every constituency, by declaration time (ties in the file's order)
        List<String> expected = fileOrder.stream().sorted(Comparator.comparing(declaredAt::get)).toList();
        Map<String, String> gssOf = new HashMap<>();
        s.demo.order().forEach(d -> gssOf.put(d.ballotId(), d.gss()));
        assertThat(s.demo.order().stream().map(Demo.Declared::gss).toList()).isEqualTo(expected);
        // what the live feed carried, in the order it came
        assertThat(arrived).hasSize(WATCHED).doesNotHaveDuplicates();
        assertThat(arrived.stream().map(gssOf::get).toList()).isEqualTo(expected.subList(0, WATCHED));
        List<LocalDateTime> times = arrived.stream().map(id -> declaredAt.get(gssOf.get(id))).toList();
        assertThat(times).doesNotContainNull().isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(s.demo.order().get(0).name()).isEqualToIgnoringCase("Newcastle upon Tyne Central");
        assertThat(s.demo.order().get(649).name()).isEqualTo("St Ives");
        assertThat(s.demo.order().get(649).at()).isEqualTo(LocalDateTime.of(2019, 12, 13, 14, 52));
    }

    @Test
    void chippingBarnet2019ShowsThePublishedDeclaration() {
        Map<String, String[]> expected = new LinkedHashMap<>(); // name -> party, votes
        for (NamedCsvRecord r : shipped("uk/westminster/ge2019-results-by-candidate.csv")) {
            if (r.getField("constituency_name").equals("Chipping Barnet")) {
                expected.put(r.getField("firstname") + " " + r.getField("surname"),
                        new String[] {r.getField("party_name"), r.getField("votes")});
            }
        }
        NamedCsvRecord summary = shipped("uk/westminster/ge2019-results-by-constituency.csv").stream()
                .filter(r -> r.getField("Constituency name").equals("Chipping Barnet")).findFirst().orElseThrow();
        JsonNode cb = Running.json(s.get("/api/ballots/" + CB));
        assertThat(cb.get("result").get("status").asString()).isEqualTo("declared");
        assertThat(cb.get("result").get("recordedBy").asString()).isEqualTo("returning-officer");
        assertThat(cb.get("candidates")).hasSize(expected.size());
        for (JsonNode c : cb.get("candidates")) {
            String[] e = expected.get(c.get("name").asString());
            assertThat(e).as(c.get("name").asString()).isNotNull();
            assertThat(c.get("votes").asString()).as(c.get("name").asString()).isEqualTo(e[1]);
            // the file names parties "Conservative", "Labour", "Liberal Democrat", "Green": the page's name begins so
            assertThat(c.get("party").asString()).as(c.get("name").asString()).startsWith(e[0]);
        }
        assertThat(cb.get("electorate").asString()).isEqualTo(summary.getField("Electorate"));
        assertThat(cb.get("validVotes").asString()).isEqualTo(summary.getField("Valid votes"));
        assertThat(cb.get("rejected").asString()).isEqualTo(summary.getField("Invalid votes"));
        assertThat(cb.get("majority").get("votes").asString()).isEqualTo(summary.getField("Majority")).isEqualTo("1212");
        assertThat(cb.get("verdict").asString()).isEqualTo(summary.getField("Result")).isEqualTo("Con hold");
        JsonNode before = Running.json(s.get("/api/ballots/parl.chipping-barnet.2017-06-08"));
        assertThat(before.get("majority").get("votes").asLong()).isEqualTo(353);
        String page = s.get("/ballots/" + CB).body();
        for (Map.Entry<String, String[]> e : expected.entrySet()) {
            assertThat(row(page, e.getKey())).as(e.getKey()).contains(grouped(e.getValue()[1]));
        }
        assertThat(page).contains(grouped(summary.getField("Majority")), grouped(summary.getField("Electorate")));
    }

    @Test
    void barnetAndCamden2016ShowsThePublishedDeclaration() {
        List<NamedCsvRecord> wards = shipped("uk/london-2016/constituency-member-barnet-and-camden.csv");
        List<String> header = wards.get(0).getHeader();
        List<String> candidates = header.subList(header.indexOf("Ward") + 1, header.indexOf("Want of official mark"));
        List<String> rejections = header.subList(header.indexOf("Want of official mark"), header.size());
        Map<String, Long> votes = new LinkedHashMap<>();
        long rejected = 0;
        for (NamedCsvRecord w : wards) {
            candidates.forEach(c -> votes.merge(c, Long.parseLong(w.getField(c)), Long::sum));
            for (String r : rejections) {
                rejected += Long.parseLong(w.getField(r));
            }
        }
        Map<String, String> parties = partiesByCorrelation(wards, candidates);
        JsonNode bc = Running.json(s.get("/api/ballots/" + BC));
        assertThat(bc.get("candidates")).hasSize(candidates.size());
        for (JsonNode c : bc.get("candidates")) {
            String name = c.get("name").asString();
            assertThat(votes).as(name).containsKey(name);
            assertThat(c.get("votes").asLong()).as(name).isEqualTo(votes.get(name));
            // The page names the registered party the list name resolves to ("Caroline Pidgeon's London Liberal
            // Democrats" is the Liberal Democrats), or the list's own name where none is registered.
            String list = parties.get(name);
            String shown = c.get("party").asString();
            assertThat(list.contains(shown) || shown.startsWith(list.split(" ")[0])).as(name + ": " + shown + " for " + list)
                    .isTrue();
        }
        assertThat(bc.get("rejected").asLong()).isEqualTo(rejected);
        assertThat(bc.get("validVotes").asLong()).isEqualTo(votes.values().stream().mapToLong(Long::longValue).sum());
        // reference-data/README.md: "Barnet and Camden 2016: Dismore (Lab) 81,482, majority 16,240"
        assertThat(votes.get("Andrew Hartley DISMORE")).isEqualTo(81_482L);
        assertThat(parties.get("Andrew Hartley DISMORE")).isEqualTo("Labour Party");
        assertThat(bc.get("majority").get("votes").asLong()).isEqualTo(16_240L);
        String page = s.get("/ballots/" + BC).body();
        for (Map.Entry<String, Long> e : votes.entrySet()) {
            assertThat(row(page, e.getKey())).as(e.getKey()).contains(grouped(e.getValue().toString()))
                    .contains(esc(bcParty(bc, e.getKey())));
        }
        assertThat(page).contains("16,240");
    }

    /**
     * Each constituency candidate's party, as the shipped files show it: the London-wide list party whose
     * votes, ward by ward over the constituency's wards, rise and fall most closely with the candidate's
     * (Pearson correlation; the constituency file names no parties).
     */
    private static Map<String, String> partiesByCorrelation(List<NamedCsvRecord> wards, List<String> candidates) {
        Map<String, NamedCsvRecord> list = new HashMap<>();
        List<String> listParties = null;
        for (NamedCsvRecord r : shipped("uk/london-2016/london-member.csv")) {
            if (!r.getField("GSS Code").isEmpty()) {
                list.put(r.getField("GSS Code"), r);
                List<String> h = r.getHeader();
                listParties = h.subList(h.indexOf("Ward") + 1, h.indexOf("Want of official mark"));
            }
        }
        assertThat(list).isNotEmpty();
        assertThat(wards.stream().filter(w -> list.containsKey(w.getField("GSS Code"))).count()).isGreaterThan(30);
        Map<String, String> out = new HashMap<>();
        for (String c : candidates) {
            String best = null;
            double bestR = -2;
            for (String p : listParties) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (NamedCsvRecord w : wards) {
                    NamedCsvRecord l = w.getField("GSS Code").isEmpty() ? null : list.get(w.getField("GSS Code"));
                    if (l != null) {
                        xs.add(Double.parseDouble(w.getField(c)));
                        ys.add(Double.parseDouble(l.getField(p)));
                    }
                }
                double r = pearson(xs, ys);
                if (r > bestR) {
                    bestR = r;
                    best = p;
                }
            }
            assertThat(bestR).as(c).isGreaterThan(0.8);
            out.put(c, best);
        }
        return out;
    }

    private static double pearson(List<Double> xs, List<Double> ys) {
        int n = xs.size();
        double mx = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double my = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (xs.get(i) - mx) * (ys.get(i) - my);
            sxx += (xs.get(i) - mx) * (xs.get(i) - mx);
            syy += (ys.get(i) - my) * (ys.get(i) - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static String bcParty(JsonNode bc, String name) {
        for (JsonNode c : bc.get("candidates")) {
            if (c.get("name").asString().equals(name)) {
                return c.get("party").asString();
            }
        }
        throw new AssertionError(name);
    }

    /** The row of the page's candidates table that names {@code name}. */
    private static String row(String page, String name) {
        int table = page.indexOf("id=\"candidates\"");
        assertThat(table).as("candidates table").isNotNegative();
        int at = page.indexOf(">" + esc(name) + "<", table);
        if (at < 0) {
            try {
                Files.writeString(Path.of("target", "demo-page-" + name.replace(' ', '-') + ".html"), page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(at).as(name + " on the page").isNotNegative();
        int start = page.lastIndexOf("<tr", at);
        int end = page.indexOf("</tr>", at);
        assertThat(start).isNotNegative();
        assertThat(end).isGreaterThan(at);
        return page.substring(start, end);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String grouped(String digits) {
        return String.format(Locale.UK, "%,d", Long.parseLong(digits));
    }

    /** A file as the demo ships it (demo-data/ in the jar: reference-data/, gzipped), read with FastCSV. */
    private static List<NamedCsvRecord> shipped(String relative) {
        try (InputStream in = DemoFiguresTest.class.getResourceAsStream("/demo-data/" + relative + ".gz")) {
            assertThat(in).as("shipped " + relative).isNotNull();
            String text = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return CsvReader.builder().ofNamedCsvRecord(text).stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
