package dev.shenava.api;

import java.util.List;

/**
 * What an import did (the API's {@code {"read", "indexed", "rejected", "errors"}}).
 *
 * @param read     records read
 * @param indexed  records written to Elasticsearch
 * @param rejected records refused, each with its line and reason in {@code errors}
 * @param errors   the refusals, in file order
 */
public record ImportSummary(long read, long indexed, long rejected, List<Rejection> errors) {

    public ImportSummary {
        errors = List.copyOf(errors);
    }

    /**
     * A refused record.
     *
     * @param file   the file (or stream) name
     * @param line   1-based line where the record starts
     * @param reason what is wrong and, where it helps, what is accepted
     */
    public record Rejection(String file, long line, String reason) {
    }
}
