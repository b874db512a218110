package org.familyqa.bootstrap.fieldcases;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.familyqa.bootstrap.testing.RunningServer;
import org.familyqa.bootstrap.testing.RunningServer.Setup;

/**
 * One running server per setup, started on first use and shared by the tests of one class, because a start costs
 * seconds. The rate limit is raised so that long sequences of bad messages and canaries are not rate-limited.
 */
final class ServersPerSetup implements AutoCloseable {

    static final Map<String, String> HIGH_RATE_LIMIT = Map.of(
            "FAMILYQA_RATE_LIMIT_PER_SECOND", "100000",
            "FAMILYQA_RATE_LIMIT_BURST", "100000");

    private final Map<String, String> environment;
    private final Map<Setup, RunningServer> servers = new EnumMap<>(Setup.class);
    private final Map<Setup, FamilyApi> apis = new EnumMap<>(Setup.class);

    ServersPerSetup() {
        this(Map.of());
    }

    ServersPerSetup(Map<String, String> extraEnvironment) {
        Map<String, String> env = new HashMap<>(HIGH_RATE_LIMIT);
        env.putAll(extraEnvironment);
        this.environment = env;
    }

    synchronized RunningServer server(Setup setup) {
        return servers.computeIfAbsent(setup, key -> RunningServer.start(key, environment));
    }

    synchronized FamilyApi api(Setup setup) {
        RunningServer server = server(setup);
        return apis.computeIfAbsent(setup, key -> new FamilyApi(server));
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(RunningServer::close);
        servers.clear();
        apis.clear();
    }
}
