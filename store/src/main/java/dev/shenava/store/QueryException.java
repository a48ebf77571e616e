package dev.shenava.store;

/**
 * A query in the Shenava query language that cannot be parsed or run, with the 1-based column
 * where the problem is and what was expected there.
 */
public final class QueryException extends RuntimeException {

    private final int position;

    /**
     * Creates an error at a column of the query.
     *
     * @param problem  what is wrong and what was expected, without the position
     * @param position 1-based column in the query text
     */
    public QueryException(String problem, int position) {
        super(problem + " at column " + position);
        this.position = position;
    }

    /**
     * The 1-based column of the query where the problem is.
     *
     * @return column, at least 1
     */
    public int position() {
        return position;
    }
}
