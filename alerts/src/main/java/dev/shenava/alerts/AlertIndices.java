package dev.shenava.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

/**
 * Creates the alert indices from their mapping resources, and wraps client failures with context.
 */
final class AlertIndices {

    interface EsCall<T> {
        T run() throws IOException;
    }

    private AlertIndices() {
    }

    static void ensure(ElasticsearchClient es, String index, String mapping) {
        call("create " + index, () -> {
            if (!es.indices().exists(e -> e.index(index)).value()) {
                try (InputStream body = AlertIndices.class.getResourceAsStream(mapping)) {
                    es.indices().create(c -> c.index(index).withJson(body));
                    return null;
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            // an index made by an earlier version gains the fields added since (mappings only grow)
            String mappings;
            try (InputStream body = AlertIndices.class.getResourceAsStream(mapping)) {
                mappings = AlertsJson.MAPPER.readTree(body).get("mappings").toString();
            }
            es.indices().putMapping(p -> p.index(index).withJson(new StringReader(mappings)));
            return null;
        });
    }

    /**
     * The HTTP status of a refused request: the client reports some (a version conflict on a
     * conditional write) as an I/O failure carrying the response.
     */
    static int status(Exception e) {
        if (e instanceof ElasticsearchException ee) {
            return ee.status();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.elasticsearch.client.ResponseException re) {
                return re.getResponse().getStatusLine().getStatusCode();
            }
        }
        return 0;
    }

    static <T> T call(String what, EsCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new AlertsException("Elasticsearch unreachable (" + what + "): " + e.getMessage(), e);
        } catch (ElasticsearchException e) {
            throw new AlertsException("Elasticsearch refused to " + what + ": " + e.getMessage(), e);
        }
    }
}
