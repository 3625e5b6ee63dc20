package org.tallyroom.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.store.read.ReadModelWriter;

/**
 * The results store: one H2 or PostgreSQL database, its schema kept by Flyway (db/migration; the same
 * SQL runs on both), read and written through JDBI.
 *
 * <p>Writes happen only inside {@link #importSource}: one transaction per import, so an error anywhere
 * leaves the store as it was, and an import of bytes already imported by the same importer does
 * nothing at all. Reads ({@link #elections}, {@link #ballot}, {@link #currentResult}, {@link #history})
 * may happen at any time.
 *
 * <p>Connections come from a pool ({@link Pool}, HikariCP), sized by {@link PoolSize}: a one-shot
 * command's or a server's. An embedded H2 database lives as long as a connection is open, and opening
 * the file is the slow part, so on H2 the store also holds one connection of its own for its lifetime;
 * {@link #close} closes the pool and releases it.
 */
public final class Store implements AutoCloseable {
    /** The environment variable naming the database (a JDBC URL). */
    public static final String ENV = "TALLYROOM_DB";

    private final String url;
    private final Jdbi jdbi;
    private final Pool pool;
    private final Clock clock;

    private Store(String url, Clock clock, PoolSize size) throws SQLException {
        this.url = url;
        this.clock = clock;
        this.pool = Pool.open(url, size);
        this.jdbi = Jdbi.create(pool.dataSource());
    }

    /** Opens (creating if need be) and migrates the database at {@code jdbcUrl}, for a one-shot command. */
    public static Store open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /** Opens with a pool of {@code size} ({@link PoolSize#SERVICE} for a server). */
    public static Store open(String jdbcUrl, PoolSize size) {
        return open(jdbcUrl, Clock.systemUTC(), size);
    }

    /** Opens with a clock for the times recorded (tests pass a fixed one). */
    public static Store open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, clock, PoolSize.COMMAND);
    }

    /** Opens with a clock and a pool size. */
    public static Store open(String jdbcUrl, Clock clock, PoolSize size) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new StoreException("expected a JDBC URL (jdbc:h2:file:/path/tallyroom or "
                    + "jdbc:postgresql://host/db?user=...), found '" + jdbcUrl + "'");
        }
        jdbcUrl = Connections.shared(jdbcUrl); // before the H2 driver loads: Connections sets h2.bindAddress
        Store store;
        try {
            store = new Store(jdbcUrl, clock, size);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            if (!SchemaCheck.current(store.pool.keeper())) {
                Flyway.configure().dataSource(store.url, null, null).locations("classpath:db/migration")
                        .loggers("slf4j").load().migrate();
                IdentityCache.raise(store.jdbi, store.url);
            }
        } catch (RuntimeException e) {
            store.close();
            throw new StoreException("cannot migrate the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            store.jdbi.useTransaction(h -> ReadModelWriter.buildIfNeeded(store, h, store.utcNow()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        store.pool.opened();
        return store;
    }

    /**
     * The database to use when none is given: {@code TALLYROOM_DB} if set, else an H2 file under the
     * user's data directory ({@code $XDG_DATA_HOME/tallyroom}, or {@code ~/.local/share/tallyroom}).
     */
    public static String defaultUrl(Map<String, String> env) {
        String given = env.get(ENV);
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path dir = xdg != null && !xdg.isBlank() ? Path.of(xdg, "tallyroom")
                : Path.of(System.getProperty("user.home"), ".local", "share", "tallyroom");
        return h2File(dir.resolve("tallyroom"));
    }

    /** The JDBC URL of an H2 database file (without the .mv.db suffix), creating its directory. */
    public static String h2File(Path base) {
        try {
            Path parent = base.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Connections.shared("jdbc:h2:file:" + base.toAbsolutePath());
    }

    public String url() {
        return url;
    }

    /** The JDBI instance, for the store's own packages ({@link Sql}); nothing outside the store runs SQL. */
    Jdbi jdbi() {
        return jdbi;
    }

    private OffsetDateTime utcNow() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The results service's accounts, sessions, sign-in limits and idempotency keys (shared by every node). */
    public org.tallyroom.store.service.ServiceStore service() {
        return new org.tallyroom.store.service.ServiceStore(jdbi);
    }

    /**
     * Starts listening for changes sent by other processes on this database (PostgreSQL LISTEN/NOTIFY);
     * {@code listener} gets each message. Close it to stop.
     */
    public org.tallyroom.store.service.ChangeNotifier changes(java.util.function.Consumer<String> listener) {
        return org.tallyroom.store.service.ChangeNotifier.start(jdbi, url, listener);
    }

    /** Work done inside one import's transaction. */
    @FunctionalInterface
    public interface Work<X extends Exception> {
        void run(Ingest ingest) throws X;
    }

    /**
     * Runs one import in one transaction. If {@code importer} has already imported bytes with this
     * SHA-256, nothing runs and the outcome says so. If {@code work} throws, nothing is stored and the
     * exception propagates.
     *
     * @param source   the source's name and SHA-256
     * @param importer the importer's name and anything that changes what it makes of the bytes
     *                 (e.g. {@code ballots fptp local.barnet.whetstone.2022-05-05})
     * @param by       who is importing (a user name, or the importer)
     */
    public <X extends Exception> ImportOutcome importSource(Source source, String importer, String by, Work<X> work) throws X {
        try {
            return importInTransaction(source, importer, by, work);
        } catch (org.jdbi.v3.core.JdbiException e) {
            // A value the readers let through but a column cannot hold (SQLSTATE class 22: too long, out of
            // range): refused in words, the transaction already rolled back; anything else is not bad input.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                    String why = String.valueOf(sql.getMessage()).lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
                    throw new StoreException(source.name() + ": a value does not fit the store (" + why
                            + "); nothing was imported", e);
                }
            }
            throw e;
        }
    }

    private <X extends Exception> ImportOutcome importInTransaction(Source source, String importer, String by, Work<X> work)
            throws X {
        return jdbi.inTransaction(h -> {
            Optional<Long> earlier = h.createQuery("SELECT id FROM provenance WHERE sha256 = :s AND importer = :i")
                    .bind("s", source.sha256()).bind("i", importer).mapTo(Long.class).findOne();
            if (earlier.isPresent()) {
                return new ImportOutcome(true, earlier.get(), 0, 0, 0);
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            long provenance = h.createUpdate("INSERT INTO provenance (source_name, sha256, importer, imported_at, imported_by) "
                            + "VALUES (:n, :s, :i, :at, :by)")
                    .bind("n", source.name()).bind("s", source.sha256()).bind("i", importer).bind("at", now).bind("by", by)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Ingest ingest = new Ingest(h, provenance, by, now);
            work.run(ingest);
            ReadModelWriter.afterWrite(this, h, ingest.changedBallots(), ingest.changedElections(), now);
            ImportOutcome outcome = new ImportOutcome(false, provenance, ingest.ballotsTouched(),
                    ingest.results().newVersions(), ingest.results().unchanged(), ingest.notes());
            StringBuilder summary = new StringBuilder(outcome.describe(source.name()));
            outcome.notes().forEach(n -> summary.append('\n').append(n));
            h.createUpdate("UPDATE provenance SET summary = :s WHERE id = :id")
                    .bind("s", summary.length() > 2000 ? summary.substring(0, 1997) + "..." : summary.toString())
                    .bind("id", provenance).execute();
            return outcome;
        });
    }

    /** Elections that have ballots filed directly under them, by date then id. */
    public List<ElectionSummary> elections() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT e.election_id, e.name, e.poll_date,
                       COUNT(b.id) AS ballots,
                       COUNT(DISTINCT r.ballot_id) AS with_results
                FROM elections e
                JOIN ballots b ON b.election_id = e.id
                LEFT JOIN results r ON r.ballot_id = b.id
                GROUP BY e.election_id, e.name, e.poll_date
                ORDER BY e.poll_date, e.election_id""")
                .map((rs, ctx) -> new ElectionSummary(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), 0, rs.getInt(5)))
                .list()).stream().map(s -> new ElectionSummary(s.electionId(), s.name(), s.date(),
                        ballotCount(s.electionId()), s.withResults())).toList();
    }

    private int ballotCount(String electionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ballots b JOIN elections e ON b.election_id = e.id "
                + "WHERE e.election_id = :e").bind("e", electionId).mapTo(Integer.class).one());
    }

    /**
     * The ballot ids an id names: the ballot itself, or every ballot under an election (group or
     * organisation election, at any depth), sorted. Empty if the store has none.
     */
    public List<String> ballotIds(String electionOrBallotId) {
        return jdbi.withHandle(h -> {
            Optional<String> ballot = h.createQuery("SELECT ballot_id FROM ballots WHERE ballot_id = :b")
                    .bind("b", electionOrBallotId).mapTo(String.class).findOne();
            if (ballot.isPresent()) {
                return List.of(ballot.get());
            }
            Optional<Long> root = h.createQuery("SELECT id FROM elections WHERE election_id = :e")
                    .bind("e", electionOrBallotId).mapTo(Long.class).findOne();
            if (root.isEmpty()) {
                return List.of();
            }
            Set<Long> all = new LinkedHashSet<>();
            Deque<Long> todo = new ArrayDeque<>(List.of(root.get()));
            while (!todo.isEmpty()) {
                long e = todo.pop();
                if (all.add(e)) {
                    todo.addAll(h.createQuery("SELECT id FROM elections WHERE parent_id = :p").bind("p", e)
                            .mapTo(Long.class).list());
                }
            }
            return h.createQuery("SELECT ballot_id FROM ballots WHERE election_id IN (<ids>) ORDER BY ballot_id")
                    .bindList("ids", new ArrayList<>(all)).mapTo(String.class).list();
        });
    }

    /** A stored ballot and its candidates. */
    public Optional<BallotView> ballot(String ballotId) {
        return jdbi.withHandle(h -> readBallot(h, ballotId));
    }

    /** The current (latest) version of a ballot's result: one version read, through the read model's pointer. */
    public Optional<ResultVersion> currentResult(String ballotId) {
        List<ResultVersion> current = versions(ballotId, true);
        return current.isEmpty() ? Optional.empty() : Optional.of(current.get(0));
    }

    /** Every version of a ballot's result, oldest first. */
    public List<ResultVersion> history(String ballotId) {
        return versions(ballotId, false);
    }

    private List<ResultVersion> versions(String ballotId, boolean onlyCurrent) {
        return jdbi.withHandle(h -> {
            Optional<BallotView> ballot = readBallot(h, ballotId);
            if (ballot.isEmpty()) {
                return List.of();
            }
            Map<Long, BallotView.Candidate> candidates = new HashMap<>();
            ballot.get().candidates().forEach(c -> candidates.put(c.id(), c));
            List<Map<String, Object>> rows = h.createQuery("""
                    SELECT r.id, r.version, r.status, r.recorded_by, r.recorded_at, r.reason, p.source_name, r.decimals,
                           r.electorate, r.ballot_papers_issued, r.valid_votes, r.rejected, r.count_method, r.count_report, r.note
                    FROM results r JOIN ballots b ON r.ballot_id = b.id
                    LEFT JOIN provenance p ON r.provenance_id = p.id
                    WHERE b.ballot_id = :b%s ORDER BY r.version""".formatted(onlyCurrent
                    ? " AND r.id = (SELECT rb.current_result_id FROM read_ballots rb WHERE rb.ballot_id = b.id)" : ""))
                    .bind("b", ballotId)
                    .map((rs, ctx) -> {
                        Map<String, Object> m = new HashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            String col = rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                            m.put(col, col.equals("recorded_at") ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                        }
                        m.put("count_report", rs.getString("count_report"));
                        return m;
                    }).list();
            List<ResultVersion> out = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                long id = ((Number) r.get("id")).longValue();
                int dp = ((Number) r.get("decimals")).intValue();
                Map<RejectionReason, Long> byReason = new EnumMap<>(RejectionReason.class);
                h.createQuery("SELECT reason, papers FROM result_rejections WHERE result_id = :r").bind("r", id).mapToMap()
                        .forEach(x -> byReason.put(ResultRecorder.reason((String) x.get("reason")), ((Number) x.get("papers")).longValue()));
                BigDecimal valid = (BigDecimal) r.get("valid_votes");
                Turnout t = new Turnout(ResultRecorder.longOrNull(r.get("electorate")),
                        ResultRecorder.longOrNull(r.get("ballot_papers_issued")), valid == null ? null : scaled(valid, dp),
                        ResultRecorder.longOrNull(r.get("rejected")), byReason);
                List<ResultVersion.Figures> figures = h.createQuery("SELECT candidacy_id, votes, elected, rank_order, "
                                + "tie_break_note FROM candidate_results WHERE result_id = :r").bind("r", id)
                        .map((rs, ctx) -> new ResultVersion.Figures(candidates.get(rs.getLong(1)),
                                rs.getBigDecimal(2) == null ? null : scaled(rs.getBigDecimal(2), dp), rs.getBoolean(3),
                                rs.getObject(4, Integer.class), rs.getString(5))).list();
                figures = figures.stream().sorted(java.util.Comparator.comparingInt(f -> f.candidate().position())).toList();
                OffsetDateTime at = (OffsetDateTime) r.get("recorded_at");
                out.add(new ResultVersion(((Number) r.get("version")).intValue(), ResultStatus.parse((String) r.get("status")),
                        (String) r.get("recorded_by"), at == null ? null : at.toInstant(), (String) r.get("reason"),
                        (String) r.get("source_name"), dp, t, figures, (String) r.get("count_method"),
                        (String) r.get("count_report"), (String) r.get("note")));
            }
            return out;
        });
    }

    private static BigDecimal scaled(BigDecimal b, int dp) {
        return b.setScale(dp, java.math.RoundingMode.UNNECESSARY);
    }

    private static Optional<BallotView> readBallot(Handle h, String ballotId) {
        Optional<Map<String, Object>> row = h.createQuery("""
                SELECT b.id, b.ballot_id, b.name, e.election_id, e.name AS election_name, o.name AS organisation,
                       d.name AS division, d.gss, b.poll_date, b.seats_contested, b.voting_system, b.by_election, b.cancelled
                FROM ballots b JOIN elections e ON b.election_id = e.id
                LEFT JOIN organisations o ON b.organisation_id = o.id
                LEFT JOIN divisions d ON b.division_id = d.id
                WHERE b.ballot_id = :b""").bind("b", ballotId).map((rs, ctx) -> {
                    Map<String, Object> m = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String col = rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        m.put(col, col.equals("poll_date") ? rs.getObject(i, java.time.LocalDate.class) : rs.getObject(i));
                    }
                    return m;
                }).findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> b = row.get();
        List<BallotView.Candidate> candidates = h.createQuery("""
                SELECT c.id, c.position, c.ballot_paper_name, p.person_key, pa.name, pa.abbreviation, pa.ec_id, c.list_position
                FROM candidacies c JOIN people p ON c.person_id = p.id
                LEFT JOIN parties pa ON c.party_id = pa.id
                WHERE c.ballot_id = :b ORDER BY c.position, c.id""").bind("b", ((Number) b.get("id")).longValue())
                .map((rs, ctx) -> new BallotView.Candidate(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Integer.class))).list();
        return Optional.of(new BallotView((String) b.get("ballot_id"), (String) b.get("name"), (String) b.get("election_id"),
                (String) b.get("election_name"), (String) b.get("organisation"), (String) b.get("division"),
                (String) b.get("gss"), (java.time.LocalDate) b.get("poll_date"), ((Number) b.get("seats_contested")).intValue(),
                (String) b.get("voting_system"), (Boolean) b.get("by_election"), (Boolean) b.get("cancelled"), candidates));
    }

    /** The time now, by the store's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** How many physical connections the store's pool has opened (tests: pooling is real). */
    long connectionsOpened() {
        return pool.connectionsOpened();
    }

    /** Closes the pool (its connections), then on H2 the connection that keeps the database open. */
    @Override
    public void close() {
        pool.close();
    }

    /** The URL without a password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
