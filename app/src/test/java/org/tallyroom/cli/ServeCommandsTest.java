package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The serve and demo commands parse their options (the server itself is tested in the web module). */
class ServeCommandsTest {
    @Test
    void demoAndServeDescribeTheirOptions() {
        Cli demo = Cli.run("demo", "--help");
        assertThat(demo.exit()).isZero();
        assertThat(demo.out()).contains("--port").contains("--speed").contains("--dir");
        Cli serve = Cli.run("serve", "--help");
        assertThat(serve.exit()).isZero();
        assertThat(serve.out()).contains("--db").contains("--port").contains("--host");
    }

    @Test
    void badOptionsAreRefusedWithAMessage() {
        Cli bad = Cli.run("demo", "--speed", "-1");
        assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.err()).contains("expected --speed of 0 or more, found -1");
        Cli nan = Cli.run("demo", "--speed", "NaN");
        assertThat(nan.exit()).isEqualTo(Main.BAD_INPUT);
        Cli db = Cli.run("serve", "--db", "not-a-url");
        assertThat(db.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(db.err()).contains("expected a JDBC URL");
        Cli port = Cli.run("serve", "--port", "seventy");
        assertThat(port.exit()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void aDatabasePoolOfFewerThanTwoConnectionsIsRefusedBeforeTheDatabaseOpens() {
        assertThat(Cli.run("serve", "--help").out()).contains("--db-pool");
        for (String bad : new String[] {"1", "0", "-3"}) {
            Cli c = Cli.run("serve", "--db-pool", bad, "--db", "not-a-url");
            assertThat(c.exit()).as(bad).isEqualTo(Main.BAD_INPUT);
            assertThat(c.err()).as(bad).contains("--db-pool: expected at least 2 database connections, found " + bad)
                    .doesNotContain("JDBC");
        }
    }

    @Test
    void anEmbedOriginMustBeSchemeHostAndPort() {
        assertThat(Cli.run("serve", "--help").out()).contains("--embed-origin");
        for (String bad : new String[] {"news.example.com", "ftp://news.example.com", "https://news.example.com/",
                "https://news.example.com/results", "https://*.example.com", "https://news.example.com:0", "'self'"}) {
            Cli c = Cli.run("serve", "--embed-origin", "https://ok.example.com", "--embed-origin", bad, "--db", "not-a-url");
            assertThat(c.exit()).as(bad).isEqualTo(Main.BAD_INPUT);
            // refused before the database is opened, with the value and what an origin looks like
            assertThat(c.err()).as(bad).contains("--embed-origin: expected an origin scheme://host[:port]", "found '" + bad + "'")
                    .doesNotContain("JDBC");
        }
    }
}
