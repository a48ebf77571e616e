package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that builds Elasticsearch clients (a move to the 9.x client touches only this file).
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /**
     * The JSON mapper the store uses: Java time as ISO-8601 strings, unknown properties ignored.
     *
     * @return a new mapper
     */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * A client for a node without authentication, such as the embedded one.
     *
     * @param url the node's URL
     * @return the client; close it at shutdown
     */
    public static ElasticsearchClient create(String url) {
        return create(url, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A client for the configured cluster: {@code store.url} with the API key or user and password read
     * from the environment variables the configuration names, and the optional CA certificate.
     *
     * @param url    the cluster URL
     * @param config the store configuration (names of the secret variables, CA certificate)
     * @param env    the environment to read secrets from
     * @return the client; close it at shutdown
     */
    public static ElasticsearchClient create(String url, StoreConfig config, Map<String, String> env) {
        Optional<String> apiKey = Optional.ofNullable(env.get(config.apiKeyEnv())).filter(s -> !s.isBlank());
        Optional<String> user = Optional.ofNullable(env.get(config.usernameEnv())).filter(s -> !s.isBlank());
        Optional<UsernamePasswordCredentials> basic = user.map(u -> new UsernamePasswordCredentials(u,
                env.getOrDefault(config.passwordEnv(), "")));
        Optional<SSLContext> ssl = config.caCertificate().map(ca -> {
            try {
                return TransportUtils.sslContextFromHttpCaCrt(ca.toFile());
            } catch (java.io.IOException | RuntimeException e) {
                throw new StoreException("cannot read the CA certificate " + ca + " (store.ca-certificate): " + e.getMessage(), e);
            }
        });
        return create(url, apiKey, basic, ssl);
    }

    private static ElasticsearchClient create(String url, Optional<String> apiKey,
                                              Optional<UsernamePasswordCredentials> basic, Optional<SSLContext> ssl) {
        HttpHost host;
        try {
            host = HttpHost.create(url);
        } catch (IllegalArgumentException e) {
            throw new StoreException("store.url '" + url + "' is not a URL such as https://es.example.com:9200", e);
        }
        RestClientBuilder rest = RestClient.builder(host);
        apiKey.ifPresent(k -> rest.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + k)}));
        if (basic.isPresent() || ssl.isPresent()) {
            rest.setHttpClientConfigCallback(hc -> {
                ssl.ifPresent(hc::setSSLContext);
                basic.ifPresent(c -> {
                    BasicCredentialsProvider creds = new BasicCredentialsProvider();
                    creds.setCredentials(AuthScope.ANY, c);
                    hc.setDefaultCredentialsProvider(creds);
                });
                return hc;
            });
        }
        Optional<String> authorization = apiKey.map(k -> "ApiKey " + k).or(() -> basic.map(c -> "Basic "
                + Base64.getEncoder().encodeToString((c.getUserName() + ":" + c.getPassword())
                .getBytes(StandardCharsets.UTF_8))));
        NodeHttp searches = NodeHttp.create(host.getSchemeName(), host.getHostName(), host.getPort(), authorization, ssl);
        return new ElasticsearchClient(new Transport(rest.build(), new JacksonJsonpMapper(objectMapper()), searches));
    }

    /**
     * The node searched without the Elasticsearch client's own HTTP client, or empty for a client not built
     * here.
     *
     * @param es the client
     * @return the light client for searches
     */
    static Optional<NodeHttp> searches(ElasticsearchClient es) {
        return es._transport() instanceof Transport t ? Optional.of(t.searches) : Optional.empty();
    }

    /** The Elasticsearch client's transport, with the light client that searches go through, closed with it. */
    private static final class Transport extends RestClientTransport {

        private final NodeHttp searches;

        Transport(RestClient rest, JacksonJsonpMapper mapper, NodeHttp searches) {
            super(rest, mapper);
            this.searches = searches;
        }

        @Override
        public void close() throws IOException {
            searches.close();
            super.close();
        }
    }
}
