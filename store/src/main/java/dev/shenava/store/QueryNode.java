package dev.shenava.store;

import java.util.List;
import java.util.Objects;

/**
 * A parsed query in the Shenava query language: the syntax tree that {@link QueryParser} builds and
 * {@link QueryCompiler} turns into an Elasticsearch query.
 *
 * <p>Every node keeps the 1-based column where it starts so that later checks can point at it.
 */
public sealed interface QueryNode {

    /**
     * The 1-based column where this node starts in the query text.
     *
     * @return column
     */
    int position();

    /**
     * One word as the user typed it, possibly with the wildcards {@code *} and {@code ?}.
     *
     * @param text     the word, not yet normalised
     * @param position column
     */
    record Word(String text, int position) implements QueryNode {
        public Word {
            Objects.requireNonNull(text, "text");
        }

        /**
         * Whether the word holds a wildcard.
         *
         * @return true for {@code snap*} or {@code sn?pp}
         */
        public boolean wildcard() {
            return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
        }
    }

    /**
     * A quoted phrase: its words must appear next to each other in order.
     *
     * @param text     the phrase without quotes, not yet normalised
     * @param position column of the opening quote
     */
    record Phrase(String text, int position) implements QueryNode {
        public Phrase {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * All operands must match (explicit {@code AND} or words side by side).
     *
     * @param operands at least two
     * @param position column
     */
    record And(List<QueryNode> operands, int position) implements QueryNode {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /**
     * At least one operand must match.
     *
     * @param operands at least two
     * @param position column
     */
    record Or(List<QueryNode> operands, int position) implements QueryNode {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /**
     * The operand must not match ({@code NOT x} or {@code -x}).
     *
     * @param operand  what to exclude
     * @param position column of the operator
     */
    record Not(QueryNode operand, int position) implements QueryNode {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /**
     * Both sides within {@code distance} words of each other ({@code NEAR/n}), in the written order
     * when {@code ordered} ({@code NEAR/nf}).
     *
     * @param left     words, phrases, an OR of those, or another NEAR
     * @param right    the same
     * @param distance most words allowed between the two sides, 1 to 100
     * @param ordered  whether the left side must come first
     * @param position column of the operator
     */
    record Near(QueryNode left, QueryNode right, int distance, boolean ordered, int position) implements QueryNode {
        public Near {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * A field filter such as {@code lang:fa}, {@code title:"new app"} or {@code brand:(snapp OR tapsi)}.
     *
     * @param field    the field
     * @param value    words, phrases and boolean operators over them
     * @param position column of the field name
     */
    record Field(QueryField field, QueryNode value, int position) implements QueryNode {
        public Field {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }
}
