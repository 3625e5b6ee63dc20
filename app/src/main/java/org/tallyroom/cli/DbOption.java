package org.tallyroom.cli;

import org.tallyroom.store.PoolSize;
import org.tallyroom.store.Store;
import picocli.CommandLine.Option;

/** {@code --db URL}: the store to use; default TALLYROOM_DB, else the H2 file under the user's data directory. */
final class DbOption {
    @Option(names = "--db", paramLabel = "URL",
            description = "Database JDBC URL (default: $TALLYROOM_DB, else an H2 file under $XDG_DATA_HOME/tallyroom "
                    + "or ~/.local/share/tallyroom). PostgreSQL: jdbc:postgresql://host:5432/db?user=u&password=p")
    String url;

    /** The store, with a one-shot command's connection pool. */
    Store open() {
        return open(PoolSize.COMMAND);
    }

    Store open(PoolSize pool) {
        return Store.open(url != null ? url : Store.defaultUrl(System.getenv()), pool);
    }
}
