package partygraph.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnector.EncryptionLevel;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Neo4j Community, embedded, serving Bolt on 127.0.0.1: the graph partygraph runs on in
 * development and tests, started by `partygraph engine start --engine neo4j`.
 *
 * <pre>
 * java -cp 'neo4j-server.jar:lib/*' partygraph.neo4j.Server HOME PORT PASSWORD_FILE [PAGECACHE]
 * </pre>
 *
 * HOME holds the data and logs, PORT is the Bolt port, PASSWORD_FILE holds the password of the
 * user neo4j (read from a file so that it never shows in the process list), PAGECACHE is the page
 * cache size (e.g. 1g). Authentication stays on. SIGTERM shuts the databases down cleanly.
 */
public final class Server {
    private static final String USER = "neo4j";

    private Server() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: Server HOME PORT PASSWORD_FILE [PAGECACHE]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
        long pageCache = bytes(args.length == 4 ? args[3] : "1g");

        // A new home's user neo4j has the password "neo4j", which must be changed before use:
        // change it with Bolt off, so that no client ever meets the default password.
        if (!Files.isDirectory(home.resolve("data/databases/system"))) {
            DatabaseManagementService closed = builder(home, pageCache, false).build();
            try {
                setPassword(closed, password);
            } finally {
                closed.shutdown();
            }
        }

        DatabaseManagementService dbms = builder(home, pageCache, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .build();
        // The password file is the truth: a home whose file was replaced takes the new one.
        setPassword(dbms, password);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("partygraph neo4j: shutting down");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));
        System.out.println("partygraph neo4j: bolt on 127.0.0.1:" + port + ", home " + home);
        stopped.await();
    }

    private static DatabaseManagementServiceBuilder builder(Path home, long pageCache, boolean bolt) {
        return new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(Map.of(
                        GraphDatabaseSettings.auth_enabled, true,
                        GraphDatabaseSettings.pagecache_memory, pageCache,
                        // Nothing leaves the machine (and the closed network would refuse it).
                        GraphDatabaseSettings.udc_enabled, false,
                        // Transactions past their timeout end within 0.2 s (default 2 s).
                        GraphDatabaseSettings.transaction_monitor_check_interval,
                        Duration.ofMillis(200),
                        // One server has every bookmark it issued at once: a longer wait (30 s by
                        // default) only delays the answer to a bookmark it will never reach.
                        GraphDatabaseSettings.bookmark_ready_timeout, Duration.ofSeconds(5),
                        BoltConnector.enabled, bolt,
                        // Loopback only, so plain Bolt: the driver's bolt:// URIs.
                        BoltConnector.encryption_level, EncryptionLevel.DISABLED));
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Setting the password it already has is refused; anything else is a real failure.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /** "512m", "2g", "1073741824" as bytes. */
    static long bytes(String size) {
        String s = size.strip().toLowerCase();
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        String digits = unit == 1L ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) * unit;
    }
}
