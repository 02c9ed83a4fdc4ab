package uk.openattendance.platform.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/** A paged list costs its page size times what is selected inside it, so 500 pupils with contacts costs more than 5. */
final class SizeAwareComplexity implements FieldComplexityCalculator {
    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        Object size = env.getArguments().get("size");
        int multiplier = size instanceof Integer n && n > 0 ? n : 1;
        return multiplier * (1 + childComplexity);
    }
}
