package uk.openattendance.platform.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * A connection costs the items it asks for ({@code first}, 50 unless given) times what is selected inside each, so 500
 * pupils with contacts costs more than 5; a change feed's {@code size} counts the same way.
 */
final class SizeAwareComplexity implements FieldComplexityCalculator {
    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        Object first = env.getArguments().get("first");
        Object size = first != null ? first : env.getArguments().get("size");
        int multiplier = size instanceof Integer n && n > 0 ? Math.min(n, Connections.MAX_FIRST) : 1;
        if (size == null && ConnectionFields.isConnection(env.getFieldDefinition())) {
            multiplier = Connections.DEFAULT_FIRST;
        }
        return multiplier * (1 + childComplexity);
    }
}
