package dev.shenava.store;

import java.util.List;

/**
 * What a bulk write did: how many documents were written and which were not, and why.
 *
 * @param written documents written (created or replaced)
 * @param errors  documents not written
 */
public record BulkResult(int written, List<ItemError> errors) {

    public BulkResult {
        errors = List.copyOf(errors);
    }

    /**
     * One document Elasticsearch did not write.
     *
     * @param id     document id
     * @param status HTTP status of the item
     * @param reason Elasticsearch's reason
     */
    public record ItemError(String id, int status, String reason) {

        /**
         * Whether writing it again later can succeed (the node was overloaded or failing), as opposed
         * to a document it will always refuse (a mapping error).
         *
         * @return {@code true} for 429 and 5xx
         */
        public boolean retryable() {
            return status == 429 || status >= 500;
        }
    }

    /** @return whether every document was written */
    public boolean ok() {
        return errors.isEmpty();
    }
}
