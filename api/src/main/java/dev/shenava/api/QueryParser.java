package dev.shenava.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Turns the {@code q} parameter into an Elasticsearch query. The boolean query language plugs in here.
 */
@FunctionalInterface
public interface QueryParser {

    /**
     * Parses a query.
     *
     * @param q the query text
     * @return the Elasticsearch query
     * @throws BadRequestException when the query is not valid
     */
    Query parse(String q);
}
