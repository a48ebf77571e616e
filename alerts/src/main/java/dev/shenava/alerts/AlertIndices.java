package dev.shenava.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;
import java.io.InputStream;

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
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            return null;
        });
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
