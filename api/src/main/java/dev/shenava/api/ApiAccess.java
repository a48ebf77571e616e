package dev.shenava.api;

import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.cors.CorsFeature;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * API keys and roles in front of {@code /api/}: {@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}.
 *
 * <p>Keys come from {@code api.keys} ({@code [{key: ..., role: admin}, {key-env: VAR, role: viewer}]})
 * and from the environment variable {@code SHENAVA_API_KEYS} ({@code key:role,key:role}). Without any
 * key the API is open, which is only allowed on a loopback address: {@link #create} refuses otherwise.
 */
public final class ApiAccess implements Filter {

    /** Environment variable with extra keys, {@code key:role} separated by commas. */
    public static final String KEYS_ENV = "SHENAVA_API_KEYS";

    private record Key(byte[] secret, ApiRole role) {
    }

    private final List<Key> keys;

    private ApiAccess(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Reads the keys and checks that the server may listen where it is asked to.
     *
     * @param api  the {@code api} config node
     * @param host the address the server binds, e.g. {@code 127.0.0.1}
     * @param env  environment variables
     * @return the access filter
     * @throws IllegalArgumentException when the host is not loopback and no key is configured
     */
    public static ApiAccess create(Config api, String host, Function<String, String> env) {
        List<Key> keys = new ArrayList<>();
        for (Config node : api.get("keys").asNodeList().orElse(List.of())) {
            String secret = node.get("key").asString()
                    .or(() -> node.get("key-env").asString().map(env).filter(v -> !v.isBlank()))
                    .orElseThrow(() -> new IllegalArgumentException("api.keys entry " + node.key()
                            + " needs 'key' or 'key-env' naming a set environment variable"));
            keys.add(new Key(secret.getBytes(StandardCharsets.UTF_8), ApiRole.of(node.get("role").asString().orElse("viewer"))));
        }
        String fromEnv = env.apply(KEYS_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            for (String pair : fromEnv.split(",")) {
                int colon = pair.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException(KEYS_ENV + " must hold key:role pairs separated by commas");
                }
                keys.add(new Key(pair.substring(0, colon).trim().getBytes(StandardCharsets.UTF_8),
                        ApiRole.of(pair.substring(colon + 1))));
            }
        }
        if (keys.isEmpty() && !loopback(host)) {
            throw new IllegalArgumentException("refusing to listen on " + host + " without API keys: set api.keys or "
                    + KEYS_ENV + ", or bind server.host to 127.0.0.1");
        }
        return new ApiAccess(keys);
    }

    /**
     * Reads the keys from the process environment.
     *
     * @param api  the {@code api} config node
     * @param host the address the server binds
     * @return the access filter
     */
    public static ApiAccess create(Config api, String host) {
        return create(api, host, System::getenv);
    }

    /**
     * CORS for {@code /api/*} when {@code api.cors.allow-origins} is configured; off otherwise.
     *
     * @param api the {@code api} config node
     * @return the feature to add to the server, or empty
     */
    public static Optional<CorsFeature> cors(Config api) {
        List<String> origins = api.get("cors.allow-origins").asList(String.class).orElse(List.of());
        if (origins.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CorsFeature.create(c -> c.addPath(p -> p.pathPattern("/api/*")
                .allowOrigins(new HashSet<>(origins))
                .allowMethods(new HashSet<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE")))
                .allowHeaders(new HashSet<>(List.of("Authorization", "X-Api-Key", "Content-Type"))))));
    }

    /**
     * Whether the API is open (no keys configured).
     *
     * @return true when no key is needed
     */
    public boolean open() {
        return keys.isEmpty();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (keys.isEmpty() || !path.startsWith("/api/") || req.prologue().method() == Method.OPTIONS) {
            chain.proceed();
            return;
        }
        Optional<String> presented = presentedKey(req);
        if (presented.isEmpty()) {
            deny(res, Status.UNAUTHORIZED_401, "unauthorized",
                    "send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
            return;
        }
        Optional<ApiRole> role = roleOf(presented.get());
        if (role.isEmpty()) {
            deny(res, Status.UNAUTHORIZED_401, "unauthorized", "the API key is not known");
            return;
        }
        ApiRole needed = ApiRole.needed(req.prologue().method(), path);
        if (!role.get().covers(needed)) {
            deny(res, Status.FORBIDDEN_403, "forbidden", "this needs the " + needed.name().toLowerCase()
                    + " role; the key has " + role.get().name().toLowerCase());
            return;
        }
        chain.proceed();
    }

    private static void deny(RoutingResponse res, Status status, String code, String message) {
        ApiErrors.send(res, status, code, message);
    }

    private static Optional<String> presentedKey(RoutingRequest req) {
        Optional<String> auth = req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).trim());
        return auth.or(() -> req.headers().first(HeaderNames.create("X-Api-Key")).map(String::trim))
                .filter(v -> !v.isEmpty());
    }

    private Optional<ApiRole> roleOf(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        ApiRole found = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.secret(), bytes)) {
                found = key.role();
            }
        }
        return Optional.ofNullable(found);
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

}
